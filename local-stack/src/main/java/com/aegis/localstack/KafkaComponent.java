package com.aegis.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process Kafka broker in KRaft mode (combined broker and controller), from spring-kafka-test. The client
 * listener is pinned to the configured port through the {@code listeners} broker property, because the KRaft test
 * kit ignores {@code kafkaPorts}. Its log directory is a temporary directory the test kit creates and deletes on
 * stop, so records do not survive a restart; the topics are recreated at every start.
 */
final class KafkaComponent implements EmbeddedComponent {

    static final String NAME = "Kafka";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final int ADMIN_TIMEOUT_SECONDS = 30;

    private final String host;
    private final int port;
    private final Map<String, Integer> topics;
    private volatile EmbeddedKafkaKraftBroker broker;

    KafkaComponent(String host, int port, Map<String, Integer> topics) {
        this.host = host;
        this.port = port;
        this.topics = new LinkedHashMap<>(topics);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return host + ":" + port;
    }

    String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void start() {
        Ports.requireFree(NAME, host, host, port, Settings.KAFKA_PORT);
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("listeners", "EXTERNAL://" + host + ":" + port + ",CONTROLLER://localhost:0");
        properties.put("advertised.listeners", "EXTERNAL://" + host + ":" + port);
        // A single broker: every internal topic gets one replica, and few partitions keep the first group join fast.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        kafka.brokerProperties(properties);
        kafka.adminTimeout(ADMIN_TIMEOUT_SECONDS);
        // Do not set spring.kafka.bootstrap-servers behind the application's back; callers pass the address.
        kafka.brokerListProperty(null);
        try {
            kafka.afterPropertiesSet();
        } catch (RuntimeException e) {
            destroyQuietly(kafka);
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": "
                    + Failures.rootMessage(e) + ". Set " + Settings.describe(Settings.KAFKA_PORT)
                    + " to a free port.", e);
        }
        broker = kafka;
        try {
            List<NewTopic> newTopics = topics.entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                    .toList();
            if (!newTopics.isEmpty()) {
                kafka.addTopics(newTopics.toArray(NewTopic[]::new));
            }
        } catch (RuntimeException e) {
            stop();
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": creating topics "
                    + topics + " failed (" + Failures.rootMessage(e) + "). Check "
                    + Settings.describe(Settings.KAFKA_TOPICS) + ".", e);
        }
    }

    String bootstrapServers() {
        return address();
    }

    @Override
    public ComponentStatus status() {
        if (broker == null) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version(), "not running");
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            int brokers = admin.describeCluster(new DescribeClusterOptions()
                            .timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            int topicCount = admin.listTopics().names().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return new ComponentStatus(NAME, address(), ComponentStatus.State.UP, version(),
                    brokers + " broker (KRaft), " + topicCount + " topics, log dir temporary (deleted on stop)");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version(),
                    "admin probe failed: " + Failures.rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version(), "probe interrupted");
        }
    }

    @Override
    public void stop() {
        EmbeddedKafkaKraftBroker running = broker;
        broker = null;
        if (running != null) {
            running.destroy();
        }
    }

    private static void destroyQuietly(EmbeddedKafkaKraftBroker kafka) {
        try {
            kafka.destroy();
        } catch (RuntimeException ignored) {
            // The start failure is the message the user needs; a second one from the cleanup would only hide it.
        }
    }
}
