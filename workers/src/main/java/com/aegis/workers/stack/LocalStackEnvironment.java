package com.aegis.workers.stack;

import com.aegis.localstack.LocalStack;
import com.aegis.localstack.LocalStackConfig;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With the {@code local} profile, starts the embedded stack (Temporal test server, PostgreSQL, Redis, Kafka) before any
 * bean exists, and points the application's clients at it. Runs after the config files are read, so every
 * {@code aegis.local.*} setting can come from a file, a system property or an {@code AEGIS_LOCAL_*} variable.
 */
public class LocalStackEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "aegisLocalStack";

    private final Log log;

    public LocalStackEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(LocalStackEnvironment.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.acceptsProfiles(Profiles.of("local")) || env.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        LocalStack stack;
        if (env.getProperty("aegis.local.shared-for-tests", Boolean.class, false)) {
            // One stack per test JVM, shared by every Spring context; it stops with the JVM.
            stack = LocalStack.sharedForTests();
        } else {
            stack = LocalStackHolder.startOnce(() -> {
                LocalStackConfig config = configFrom(env);
                log.info("Starting the local stack in " + config.dataDir());
                return LocalStack.start(config);
            });
        }
        CurrentLocalStack.set(stack);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", stack.jdbcUrl());
        props.put("spring.datasource.username", stack.jdbcUser());
        props.put("spring.datasource.password", stack.jdbcPassword());
        props.put("spring.temporal.connection.target", stack.temporalTarget());
        props.put("aegis.redis.uri", stack.redisUri());
        props.put("aegis.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
    }

    /** The {@code aegis.local.*} settings from every Spring source; data defaults to {@code ${aegis.home}/data}. */
    static LocalStackConfig configFrom(ConfigurableEnvironment env) {
        return LocalStackConfig.fromSettings(name -> {
            String value = env.getProperty(name);
            if (value == null && name.equals("aegis.local.data-dir") && env.getProperty("aegis.home") != null) {
                return env.getProperty("aegis.home") + "/data";
            }
            return value;
        });
    }
}
