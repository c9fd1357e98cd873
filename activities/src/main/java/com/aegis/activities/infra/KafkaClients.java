package com.aegis.activities.infra;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Where activities get their Kafka clients. The producer is shared (it is thread-safe); a consumer is created per use
 * because a Kafka consumer must stay on one thread.
 */
public interface KafkaClients {

    Producer<String, byte[]> producer();

    /** A new consumer with no group (callers assign partitions explicitly); the caller closes it. */
    Consumer<String, byte[]> newConsumer(String purpose);
}
