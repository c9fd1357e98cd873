package com.aegis.workers.health;

import com.aegis.workers.config.AegisProperties;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One health indicator per infrastructure component, each reporting its state, address and version, so
 * {@code /actuator/health} and {@code aegis status} show where every part of the system stands.
 */
@Configuration(proxyBeanMethods = false)
public class InfrastructureHealthIndicators {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    HealthIndicator postgresHealthIndicator(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        String address = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid((int) PROBE_TIMEOUT.toSeconds())) {
                    throw new IllegalStateException("connection is not valid");
                }
                return ComponentHealth.up("postgres", address, connection.getMetaData().getDatabaseProductVersion()).build();
            } catch (Exception e) {
                return ComponentHealth.down("postgres", address, e);
            }
        };
    }

    @Bean
    HealthIndicator redisHealthIndicator(StatefulRedisConnection<String, String> redis, AegisProperties properties) {
        String address = properties.redis().uri().replaceFirst("^rediss?://", "").replaceFirst("^[^@]*@", "");
        return () -> {
            try {
                String info = redis.async().info("server").get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                String version = info.lines().filter(l -> l.startsWith("redis_version:"))
                        .map(l -> l.substring("redis_version:".length()).trim()).findFirst().orElse("");
                return ComponentHealth.up("redis", address, version).build();
            } catch (Exception e) {
                return ComponentHealth.down("redis", address, e);
            }
        };
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(Admin admin, AegisProperties properties) {
        String address = properties.kafka().bootstrapServers();
        return () -> {
            try {
                DescribeClusterResult cluster = admin.describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()));
                int brokers = cluster.nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                String clusterId = cluster.clusterId().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return ComponentHealth.up("kafka", address, "")
                        .withDetail("brokers", brokers)
                        .withDetail("clusterId", clusterId)
                        .build();
            } catch (Exception e) {
                return ComponentHealth.down("kafka", address, e);
            }
        };
    }

    @Bean
    HealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs,
                                            @Value("${spring.temporal.connection.target:}") String target,
                                            @Value("${spring.temporal.namespace:default}") String namespace) {
        return () -> {
            try {
                GetSystemInfoResponse info = stubs.blockingStub()
                        .withDeadlineAfter(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
                return ComponentHealth.up("temporal", target, info.getServerVersion())
                        .withDetail("namespace", namespace)
                        .build();
            } catch (Exception e) {
                return ComponentHealth.down("temporal", target, e);
            }
        };
    }
}
