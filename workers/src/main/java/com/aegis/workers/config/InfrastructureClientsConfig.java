package com.aegis.workers.config;

import com.aegis.activities.infra.KafkaClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared Redis and Kafka clients of the process. */
@Configuration(proxyBeanMethods = false)
public class InfrastructureClientsConfig {

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(AegisProperties properties) {
        return RedisClient.create(properties.redis().uri());
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
        return client.connect();
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> kafkaProducer(AegisProperties properties) {
        return new KafkaProducer<>(producerSettings(properties, "producer"), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Idempotent, acknowledged by all replicas, bounded waits; {@code role} names the client. */
    public static Map<String, Object> producerSettings(AegisProperties properties, String role) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, properties.kafka().clientId() + "-" + role,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(AegisProperties properties) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, properties.kafka().clientId() + "-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000));
    }

    @Bean
    KafkaClients kafkaClients(Producer<String, byte[]> producer, AegisProperties properties) {
        AtomicInteger consumers = new AtomicInteger();
        return new KafkaClients() {
            @Override
            public Producer<String, byte[]> producer() {
                return producer;
            }

            @Override
            public Consumer<String, byte[]> newConsumer(String purpose) {
                return new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        properties.kafka().clientId() + "-" + purpose + "-" + consumers.incrementAndGet(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(), new ByteArrayDeserializer());
            }
        };
    }
}
