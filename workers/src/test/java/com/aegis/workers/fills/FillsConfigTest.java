package com.aegis.workers.fills;

import static com.aegis.db.jooq.Tables.BROKER_ORDER_NUMBER;
import static com.aegis.db.jooq.Tables.BROKER_SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aegis.activities.fills.FillNoticeBridge;
import com.aegis.activities.fills.FillSignalConsumer;
import com.aegis.activities.kis.ws.KisRealtimeSettings;
import com.aegis.activities.kis.ws.KisRealtimeTr;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.kis.ws.InMemoryApprovalKeys;
import com.aegis.marketsim.kis.ws.KisWebSocketSettings;
import com.aegis.marketsim.kis.ws.KisWebSocketSimulator;
import com.aegis.marketsim.kis.ws.RealtimeFillNotice;
import com.aegis.marketsim.kis.ws.ScriptedRealtimeFeed;
import com.aegis.workers.config.AegisProperties;
import com.aegis.workers.config.InfrastructureClientsConfig;
import com.aegis.workflows.orders.FillNotice;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wiring of the fill path: {@link FillsConfig} on the local stack's Redis, Kafka, PostgreSQL and Temporal, with
 * the market-sim KIS WebSocket as the broker. A notice published by the simulator reaches a workflow registered in
 * the ledger as a {@code fill} signal. Trade dates are today's (KST), order numbers random per run.
 */
class FillsConfigTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FillsConfigTest.class);
    private static final String HTS_ID = "fillswiring";
    private static final String APPROVAL_KEY = "approval-fills-wiring-key";
    private static final String APP_KEY = "PSappkey-fills-wiring";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static LocalStack stack;
    private static DSLContext db;
    private static final ScriptedRealtimeFeed feed = new ScriptedRealtimeFeed();
    private static KisWebSocketSimulator server;
    private static WorkflowServiceStubs service;
    private static WorkflowClient client;
    private static WorkerFactory workers;
    private static String taskQueue;
    private static Admin admin;
    private static String topic;

    @BeforeAll
    static void setUp() throws Exception {
        stack = LocalStack.sharedForTests();
        Migrations.migrate(stack.dataSource());
        db = DSL.using(stack.dataSource(), SQLDialect.POSTGRES);
        InMemoryApprovalKeys keys = new InMemoryApprovalKeys();
        keys.register(APPROVAL_KEY, APP_KEY);
        server = KisWebSocketSimulator.start(KisWebSocketSettings.localDefaults(Instant::now), keys, feed);
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
        client = WorkflowClient.newInstance(service,
                WorkflowClientOptions.newBuilder().setNamespace(stack.temporalNamespace()).build());
        taskQueue = "fills-wiring-" + UUID.randomUUID();
        workers = WorkerFactory.newInstance(client);
        workers.newWorker(taskQueue).registerWorkflowImplementationTypes(FillTakerWorkflow.Impl.class);
        workers.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
        topic = "broker.fills.wiring-test." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void tearDown() {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        service.shutdown();
        server.close();
        admin.deleteTopics(List.of(topic));
        admin.close();
    }

    /** The process's shared clients, made from the local stack. */
    @Configuration(proxyBeanMethods = false)
    static class StackBeans {

        @Bean
        AegisProperties aegisProperties() {
            return new AegisProperties(new AegisProperties.Redis(stack.redisUri()),
                    new AegisProperties.Kafka(stack.kafkaBootstrapServers(), "fills-wiring-test"));
        }

        @Bean
        DSLContext dslContext() {
            return db;
        }

        @Bean(destroyMethod = "shutdown")
        RedisClient redisClient() {
            return RedisClient.create(stack.redisUri());
        }

        @Bean(destroyMethod = "close")
        StatefulRedisConnection<String, String> redisConnection(RedisClient redis) {
            return redis.connect();
        }

        @Bean(destroyMethod = "close")
        Producer<String, byte[]> kafkaProducer(AegisProperties properties) {
            return new KafkaProducer<>(InfrastructureClientsConfig.producerSettings(properties, "producer"),
                    new StringSerializer(), new ByteArraySerializer());
        }

        @Bean
        WorkflowClient workflowClient() {
            return client;
        }

        @Bean
        KisApprovalKeySource approvalKeySource() {
            return () -> APPROVAL_KEY;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(StackBeans.class, FillsConfig.class)
                .withPropertyValues("aegis.fills.hts-id=" + HTS_ID, "aegis.fills.websocket-url=" + server.endpoint(),
                        "aegis.fills.topic=" + topic, "aegis.fills.group-id=fills-wiring-" + UUID.randomUUID(),
                        "aegis.fills.grace=5s");
    }

    @Test
    void aNoticeFromTheBrokerReachesTheOrderWorkflowThroughTheWiredPath() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            List<FillPathLifecycle> parts = List.copyOf(context.getBeansOfType(FillPathLifecycle.class).values());
            assertThat(parts).hasSize(2).allMatch(FillPathLifecycle::isRunning);
            assertThat(parts).anyMatch(p -> p.part() instanceof FillNoticeBridge)
                    .anyMatch(p -> p.part() instanceof FillSignalConsumer);
            await().atMost(WAIT).until(() -> server.registrationsOf(APP_KEY).contains("H0STCNI0:" + HTS_ID));

            LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
            String orderNo = String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L,
                    9_999_999_999L));
            String workflowId = "fills-wiring-order-" + UUID.randomUUID();
            FillTakerWorkflow wf = client.newWorkflowStub(FillTakerWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(taskQueue).build());
            WorkflowClient.start(wf::run);
            try {
                register(today, orderNo, workflowId);
                FillTakerWorkflow query = client.newWorkflowStub(FillTakerWorkflow.class, workflowId);
                long publishedAt = System.nanoTime();
                feed.publishFillNotices(notice(orderNo, 30, LocalTime.of(9, 31, 2)),
                        notice(orderNo, 20, LocalTime.of(9, 31, 40)));

                await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> query.received().size() == 2);
                log.info("two fill notices went from the simulated broker to the workflow in {} ms",
                        (System.nanoTime() - publishedAt) / 1_000_000);
                assertThat(query.received()).extracting(FillNotice::tradeId)
                        .containsExactly(orderNo + "-c30", orderNo + "-c50");
                assertThat(query.received().get(0).executedAt())
                        .isEqualTo(today.atTime(9, 31, 2).atZone(ZoneId.of("Asia/Seoul")).toInstant());
            } finally {
                client.newUntypedWorkflowStub(workflowId).terminate("FillsConfigTest finished");
                unregister(today, orderNo);
            }
        });
    }

    @Test
    void nothingRunsWhenTheFillPathIsDisabled() {
        runner().withPropertyValues("aegis.fills.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FillPathLifecycle.class));
    }

    @Test
    void theBridgeFollowsTheSimulatorOrTheKisEnvironment() {
        FillsProperties none = new FillsProperties(true, null, null, "broker.fills.v1", "g", Duration.ofSeconds(30),
                Duration.ofDays(4));
        FillsConfig.BridgeTarget live = FillsConfig.bridgeTarget(none, Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(live.endpoint()).isEqualTo(KisRealtimeSettings.LIVE_ENDPOINT);
        assertThat(live.tr()).isEqualTo(KisRealtimeTr.FILL_NOTICE_LIVE);
        assertThat(live.htsId()).isEmpty();

        FillsConfig.BridgeTarget fromEnvironment = FillsConfig.bridgeTarget(none, Optional.empty(), Optional.empty(),
                Optional.of("envhts"));
        assertThat(fromEnvironment.htsId()).contains("envhts");

        FillsProperties configured = new FillsProperties(true, "myhts", URI.create("ws://127.0.0.1:1/tryitout"),
                "broker.fills.v1", "g", Duration.ofSeconds(30), Duration.ofDays(4));
        FillsConfig.BridgeTarget explicit = FillsConfig.bridgeTarget(configured, Optional.empty(), Optional.empty(),
                Optional.of("envhts"));
        assertThat(explicit.endpoint()).isEqualTo(URI.create("ws://127.0.0.1:1/tryitout"));
        assertThat(explicit.htsId()).contains("myhts");

        FillsProperties blankUrl = new FillsProperties(true, "", URI.create(""), "broker.fills.v1", "g",
                Duration.ofSeconds(30), Duration.ofDays(4));
        assertThat(FillsConfig.bridgeTarget(blankUrl, Optional.empty(), Optional.empty(), Optional.empty())
                .endpoint()).isEqualTo(KisRealtimeSettings.LIVE_ENDPOINT);
    }

    @Test
    void withoutAnHtsIdTheBridgeStaysStoppedAndTheRouterRuns() {
        runner().withPropertyValues("aegis.fills.hts-id=", "aegis.fills.websocket-url=").run(context -> {
            assertThat(context).hasNotFailed();
            FillPathLifecycle bridge = context.getBean("fillNoticeBridgeLifecycle", FillPathLifecycle.class);
            FillPathLifecycle router = context.getBean("fillSignalConsumerLifecycle", FillPathLifecycle.class);
            if (System.getenv("KIS_HTS_ID") == null) {
                assertThat(bridge.isRunning()).isFalse();
            }
            assertThat(router.isRunning()).isTrue();
        });
    }

    private static RealtimeFillNotice notice(String orderNo, long quantity, LocalTime time) {
        return new RealtimeFillNotice(HTS_ID, "5012345601", orderNo, 50, "02", "0", "00", "0", "005930", quantity,
                71_000, time, "0", "2", "2", "00950", "5012345601", "홍길동", 0, "1", "Y", "", "10", "", "삼성전자",
                71_000);
    }

    private static void register(LocalDate tradeDate, String orderNo, String workflowId) {
        String key = "fills-wiring-" + tradeDate + "-" + orderNo;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(BROKER_SUBMISSION)
                .set(BROKER_SUBMISSION.BROKER_ORDER_KEY, key).set(BROKER_SUBMISSION.WORKFLOW_ID, workflowId)
                .set(BROKER_SUBMISSION.ACCOUNT_ID, "ACC-FILLS-WIRING").set(BROKER_SUBMISSION.TRADE_DATE, tradeDate)
                .set(BROKER_SUBMISSION.SYMBOL, "005930").set(BROKER_SUBMISSION.SIDE, "BUY")
                .set(BROKER_SUBMISSION.ORDER_TYPE, "LIMIT").set(BROKER_SUBMISSION.QUANTITY, 50L)
                .set(BROKER_SUBMISSION.LIMIT_PRICE, 71_000L).set(BROKER_SUBMISSION.STATE, "PLACED")
                .set(BROKER_SUBMISSION.BROKER_ORDER_NO, orderNo).set(BROKER_SUBMISSION.CREATED_AT, now)
                .set(BROKER_SUBMISSION.UPDATED_AT, now).execute();
        db.insertInto(BROKER_ORDER_NUMBER)
                .set(BROKER_ORDER_NUMBER.TRADE_DATE, tradeDate).set(BROKER_ORDER_NUMBER.BROKER_ORDER_NO, orderNo)
                .set(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY, key).set(BROKER_ORDER_NUMBER.SEQ, 0)
                .set(BROKER_ORDER_NUMBER.CREATED_AT, now).execute();
    }

    private static void unregister(LocalDate tradeDate, String orderNo) {
        String key = "fills-wiring-" + tradeDate + "-" + orderNo;
        db.deleteFrom(BROKER_ORDER_NUMBER).where(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY.eq(key)).execute();
        db.deleteFrom(BROKER_SUBMISSION).where(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(key)).execute();
    }
}
