package com.aegis.workers.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration of the application's own clients. Datasource and Temporal connection use Spring's and the
 * Temporal starter's standard keys ({@code spring.datasource.*}, {@code spring.temporal.*}).
 */
@ConfigurationProperties("aegis")
public record AegisProperties(@DefaultValue Redis redis, @DefaultValue Kafka kafka) {

    /** @param uri Lettuce URI of the Redis server (cache only, never the source of truth) */
    public record Redis(@DefaultValue("redis://127.0.0.1:6379") String uri) {
    }

    /** @param bootstrapServers Kafka bootstrap servers; @param clientId prefix of the client ids this process uses */
    public record Kafka(@DefaultValue("127.0.0.1:9092") String bootstrapServers,
                        @DefaultValue("aegis-workers") String clientId) {
    }
}
