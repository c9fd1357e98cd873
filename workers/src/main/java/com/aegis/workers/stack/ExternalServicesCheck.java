package com.aegis.workers.stack;

import com.aegis.localstack.LocalStackException;
import com.aegis.localstack.ServiceReachability;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.time.Duration;

/**
 * With the {@code prod} profile, checks that every external service answers before anything else starts, so a wrong
 * address fails in seconds with a message naming the component, the address and the setting to change, instead of a
 * worker that hangs or retries forever.
 */
public class ExternalServicesCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        Duration timeout = env.getProperty("aegis.startup.connect-timeout", Duration.class, Duration.ofSeconds(5));
        ServiceReachability.requireJdbc(
                required(env, "spring.datasource.url", "AEGIS_POSTGRES_URL"),
                env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"),
                "spring.datasource.url (AEGIS_POSTGRES_URL)", timeout);
        ServiceReachability.requireRedis(
                required(env, "aegis.redis.uri", "AEGIS_REDIS_URI"),
                "aegis.redis.uri (AEGIS_REDIS_URI)", timeout);
        ServiceReachability.requireKafka(
                required(env, "aegis.kafka.bootstrap-servers", "AEGIS_KAFKA_BOOTSTRAP_SERVERS"),
                "aegis.kafka.bootstrap-servers (AEGIS_KAFKA_BOOTSTRAP_SERVERS)", timeout);
        ServiceReachability.requireTemporal(
                required(env, "spring.temporal.connection.target", "AEGIS_TEMPORAL_TARGET"),
                env.getProperty("spring.temporal.namespace", "default"),
                "spring.temporal.connection.target (AEGIS_TEMPORAL_TARGET)", timeout);
    }

    private static String required(ConfigurableEnvironment env, String key, String variable) {
        String value = env.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new LocalStackException("The prod profile needs " + key + ": set the environment variable "
                    + variable + " (or the property " + key + ").");
        }
        return value;
    }
}
