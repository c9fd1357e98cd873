package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.sharedForTests();
        System.out.printf("Local stack cold start: total %d ms, per component %s%n",
                stack.totalStartupTime().toMillis(), stack.startupTimes());
    }

    @Test
    void everyComponentReportsUpWithItsAddressAndVersion() {
        List<ComponentStatus> statuses = stack.status();

        assertThat(statuses).extracting(ComponentStatus::component)
                .containsExactly("Temporal", "PostgreSQL", "Redis", "Kafka");
        assertThat(statuses).allSatisfy(status -> assertThat(status.state())
                .as(status.component() + ": " + status.detail()).isEqualTo(ComponentStatus.State.UP));
        assertThat(statuses.get(0).address()).isEqualTo(stack.temporalTarget());
        assertThat(statuses.get(1).version()).startsWith("17.");
        assertThat(statuses.get(2).version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(statuses.get(3).version()).isEqualTo("3.9.1");
        assertThat(stack.temporalTarget()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:7233");
        assertThat(stack.startupTimes()).containsOnlyKeys("Temporal", "PostgreSQL", "Redis", "Kafka");
    }

    @Test
    void postgresAnswersTheAegisUserOnTheAegisDatabase() throws Exception {
        try (Connection connection = stack.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version(), current_user, current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("PostgreSQL 17.5");
            assertThat(rows.getString(2)).isEqualTo("aegis");
            assertThat(rows.getString(3)).isEqualTo("aegis");
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(),
                stack.jdbcPassword())) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void postgresRejectsAWrongPassword() {
        assertThatThrownBy(
                        () -> DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), "not-the-password"))
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void redisKeyWithTtlIsReadBackAndThenExpires() {
        RedisClient client = RedisClient.create(stack.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String key = "local-stack-test:" + UUID.randomUUID();

            redis.set(key, "005930", SetArgs.Builder.px(400));

            assertThat(redis.get(key)).isEqualTo("005930");
            assertThat(redis.pttl(key)).isBetween(1L, 400L);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> redis.get(key) == null);
            assertThat(redis.exists(key)).isZero();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Test
    void kafkaTopicsExistWithTheirPartitionsAndARecordMakesTheRoundTrip() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(KafkaTopics.ALL).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys(KafkaTopics.ALL);
            assertThat(topics.get(KafkaTopics.KRX_TICKS).partitions()).hasSize(6);
            assertThat(topics.get(KafkaTopics.KRX_QUOTES).partitions()).hasSize(6);
            assertThat(topics.get(KafkaTopics.BROKER_FILLS).partitions()).hasSize(3);
        }

        String value = "system-check " + UUID.randomUUID();
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            sent = producer.send(new ProducerRecord<>(KafkaTopics.SYSTEM_CHECK, "probe", value))
                    .get(10, TimeUnit.SECONDS);
        }

        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            List<String> received = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
                return !received.isEmpty();
            });
            assertThat(received.get(0)).isEqualTo(value);
        }
    }

    @Test
    void temporalServesGrpcAndTheDefaultNamespace() {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
        try {
            GetSystemInfoResponse info = stubs.blockingStub().withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            DescribeNamespaceResponse namespace = stubs.blockingStub().withDeadlineAfter(5, TimeUnit.SECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder()
                            .setNamespace(stack.temporalNamespace()).build());

            assertThat(info.hasCapabilities()).isTrue();
            assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");
        } finally {
            stubs.shutdownNow();
        }
    }

    @Test
    void theRunningStackPassesItsOwnReachabilityChecks() {
        Duration timeout = Duration.ofSeconds(5);

        ServiceReachability.requireJdbc(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(),
                "aegis.postgres.url", timeout);
        ServiceReachability.requireRedis(stack.redisUri(), "aegis.redis.uri", timeout);
        ServiceReachability.requireKafka(stack.kafkaBootstrapServers(), "aegis.kafka.bootstrap-servers", timeout);
        ServiceReachability.requireTemporal(stack.temporalTarget(), "default", "aegis.temporal.target", timeout);
    }
}
