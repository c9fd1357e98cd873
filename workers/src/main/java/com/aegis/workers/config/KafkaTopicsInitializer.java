package com.aegis.workers.config;

import com.aegis.localstack.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure every AEGIS topic exists before the workers start, on the embedded broker and on an external cluster
 * alike. Existing topics are left as they are (partition counts are an operator's decision once data flows).
 */
@Component
public class KafkaTopicsInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicsInitializer.class);

    private final Admin admin;

    public KafkaTopicsInitializer(Admin admin) {
        this.admin = admin;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = KafkaTopics.DEFAULT_PARTITION_COUNTS.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(10, TimeUnit.SECONDS);
                    log.info("Created Kafka topic {}", created.getKey());
                } catch (ExecutionException e) {
                    // Another worker may have created it in the meantime; that is the outcome we want.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the AEGIS Kafka topics: " + e.getMessage()
                    + ". Check aegis.kafka.bootstrap-servers (AEGIS_KAFKA_BOOTSTRAP_SERVERS).", e);
        }
    }
}
