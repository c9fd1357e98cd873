package com.aegis.activities.fills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aegis.core.market.Side;
import com.aegis.db.Migrations;
import com.aegis.db.jooq.tables.records.FillNoticeQuarantineRecord;
import com.aegis.localstack.LocalStack;
import com.aegis.workflows.orders.FillNotice;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The router against the local stack's Kafka, PostgreSQL (the broker ledger and the quarantine) and Temporal, with a
 * test workflow in place of the order workflow. Trade date 2031-02-04 and the topics are this class's own.
 */
class FillSignalConsumerTest {

    private static final LocalDate TRADE_DATE = LocalDate.of(2031, 2, 4);
    private static final Instant EXECUTED_AT = Instant.parse("2031-02-04T00:31:02Z");
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static LocalStack stack;
    private static DSLContext db;
    private static Admin admin;
    private static KafkaProducer<String, byte[]> producer;
    private static WorkflowServiceStubs service;
    private static WorkflowClient client;
    private static WorkerFactory workers;
    private static String taskQueue;
    private static String topic;
    private static FillRouterSettings settings;
    private static FillSignalConsumer router;
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final List<String> started = new ArrayList<>();
    private static final List<String> topics = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        stack = LocalStack.sharedForTests();
        Migrations.migrate(stack.dataSource());
        db = DSL.using(stack.dataSource(), SQLDialect.POSTGRES);
        FillsTestSupport.cleanLedger(db, TRADE_DATE);
        admin = FillsTestSupport.admin(stack);
        topic = FillsTestSupport.newTopic(admin, "broker.fills.router-test");
        topics.add(topic);
        producer = FillsTestSupport.producer(stack);
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
        client = WorkflowClient.newInstance(service,
                WorkflowClientOptions.newBuilder().setNamespace(stack.temporalNamespace()).build());
        taskQueue = "fills-test-" + UUID.randomUUID();
        workers = WorkerFactory.newInstance(client);
        workers.newWorker(taskQueue).registerWorkflowImplementationTypes(FillRecipientWorkflowImpl.class);
        workers.start();
        settings = FillRouterSettings.defaults().withTopic(topic).withGroupId("fills-test-" + UUID.randomUUID())
                .withGrace(GRACE).withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(400));
        router = newRouter(settings, meters);
        router.start();
    }

    @AfterAll
    static void tearDown() {
        if (router != null) {
            router.close();
        }
        for (String id : started) {
            try {
                client.newUntypedWorkflowStub(id).terminate("FillSignalConsumerTest finished");
            } catch (RuntimeException alreadyClosed) {
                // terminated by the test itself
            }
        }
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        service.shutdown();
        producer.close();
        admin.deleteTopics(topics);
        admin.close();
        FillsTestSupport.cleanLedger(db, TRADE_DATE);
    }

    private static FillSignalConsumer newRouter(FillRouterSettings routerSettings, SimpleMeterRegistry registry) {
        return new FillSignalConsumer(FillSignalConsumer.kafkaConsumers(stack.kafkaBootstrapServers(),
                "fills-test", routerSettings), routerSettings, new LedgerWorkflowIdLookup(db), client,
                new FillQuarantine(db, Clock.systemUTC()), Clock.systemUTC(), registry);
    }

    private static FillRecipientWorkflow startRecipient() {
        String id = "fills-test-order-" + UUID.randomUUID();
        FillRecipientWorkflow wf = client.newWorkflowStub(FillRecipientWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(taskQueue).build());
        WorkflowClient.start(wf::run);
        started.add(id);
        return client.newWorkflowStub(FillRecipientWorkflow.class, id);
    }

    private static String idOf(FillRecipientWorkflow wf) {
        return WorkflowStub.fromTyped(wf).getExecution().getWorkflowId();
    }

    private static FillNoticeRecord record(String orderNo, long quantity, long cumulative) {
        return FillNoticeRecord.of(orderNo, "005930", Side.BUY, 71_000, quantity, cumulative, EXECUTED_AT,
                TRADE_DATE);
    }

    private static RecordMetadata send(String targetTopic, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(targetTopic, key, value)).get(10, TimeUnit.SECONDS);
    }

    private static RecordMetadata send(FillNoticeRecord record) throws Exception {
        return send(topic, record.brokerOrderNo(), record.toJson());
    }

    @Test
    void aRecordOfALedgerOrderReachesItsWorkflowAsAFillSignal() throws Exception {
        FillRecipientWorkflow wf = startRecipient();
        String orderNo = FillsTestSupport.orderNumber();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, orderNo, idOf(wf));

        send(record(orderNo, 30, 30));
        send(record(orderNo, 20, 50));

        await().atMost(WAIT).until(() -> wf.applied().size() == 2);
        assertThat(wf.applied()).containsExactly(
                new FillNotice(orderNo + "-c30", orderNo, 71_000, 30, 30, EXECUTED_AT),
                new FillNotice(orderNo + "-c50", orderNo, 71_000, 20, 50, EXECUTED_AT));
        assertThat(wf.duplicates()).isZero();
        assertThat(meters.get(FillSignalConsumer.RECORDS_METER).tag("outcome", "signalled").functionCounter().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOrderNumberRegisteredAfterItsRecordArrivedIsStillDelivered() throws Exception {
        FillRecipientWorkflow wf = startRecipient();
        String orderNo = FillsTestSupport.orderNumber();
        long receivedBefore = router.received();

        send(record(orderNo, 10, 10));
        send(record(orderNo, 20, 30));
        await().atMost(WAIT).until(() -> router.received() >= receivedBefore + 2 && router.pending() >= 2);
        assertThat(wf.applied()).isEmpty();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, orderNo, idOf(wf));

        await().atMost(WAIT).until(() -> wf.applied().size() == 2);
        assertThat(wf.applied()).extracting(FillNotice::tradeId).containsExactly(orderNo + "-c10", orderNo + "-c30");
        assertThat(FillsTestSupport.quarantinedFor(db, orderNo)).isEmpty();
    }

    @Test
    void anUnknownOrderNumberIsQuarantinedAfterTheGraceWithoutHoldingUpOthers() throws Exception {
        String unknown = FillsTestSupport.orderNumber();
        FillRecipientWorkflow wf = startRecipient();
        String known = FillsTestSupport.orderNumber();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, known, idOf(wf));
        Instant sent = Instant.now();

        send(record(unknown, 7, 7));
        send(record(known, 5, 5));

        await().atMost(WAIT).until(() -> wf.applied().size() == 1);
        assertThat(FillsTestSupport.quarantinedFor(db, unknown)).isEmpty();
        await().atMost(WAIT).until(() -> !FillsTestSupport.quarantinedFor(db, unknown).isEmpty());
        FillNoticeQuarantineRecord kept = FillsTestSupport.quarantinedFor(db, unknown).get(0);
        assertThat(kept.getReason())
                .isEqualTo("no order known for broker order number " + unknown + " on " + TRADE_DATE);
        assertThat(FillNoticeRecord.fromJson(kept.getPayload().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(record(unknown, 7, 7));
        assertThat(kept.getReceivedAt().toInstant()).isAfterOrEqualTo(sent.plus(GRACE).minusMillis(100));
    }

    @Test
    void aFillForAClosedWorkflowIsQuarantined() throws Exception {
        FillRecipientWorkflow wf = startRecipient();
        String orderNo = FillsTestSupport.orderNumber();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, orderNo, idOf(wf));
        WorkflowStub.fromTyped(wf).terminate("order finished");

        send(record(orderNo, 4, 4));

        await().atMost(WAIT).until(() -> !FillsTestSupport.quarantinedFor(db, orderNo).isEmpty());
        assertThat(FillsTestSupport.quarantinedFor(db, orderNo).get(0).getReason())
                .startsWith("workflow " + idOf(wf) + " of broker order number " + orderNo + " on " + TRADE_DATE
                        + " is closed or missing");
    }

    @Test
    void aFillForAWorkflowThatNeverStartedIsQuarantined() throws Exception {
        String orderNo = FillsTestSupport.orderNumber();
        String neverStarted = "fills-test-never-started-" + UUID.randomUUID();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, orderNo, neverStarted);

        send(record(orderNo, 2, 2));

        await().atMost(WAIT).until(() -> !FillsTestSupport.quarantinedFor(db, orderNo).isEmpty());
        assertThat(FillsTestSupport.quarantinedFor(db, orderNo).get(0).getReason())
                .startsWith("workflow " + neverStarted + " of broker order number " + orderNo + " on " + TRADE_DATE
                        + " is closed or missing");
    }

    @Test
    void malformedJsonIsQuarantinedAndTheConsumerGoesOn() throws Exception {
        FillRecipientWorkflow wf = startRecipient();
        String orderNo = FillsTestSupport.orderNumber();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, orderNo, idOf(wf));
        String inconsistent = "{\"tradeId\":\"" + orderNo + "-c9\",\"brokerOrderNo\":\"" + orderNo + "\","
                + "\"symbol\":\"005930\",\"side\":\"BUY\",\"price\":71000,\"quantity\":3,\"cumulativeQuantity\":3,"
                + "\"executedAt\":\"2031-02-04T00:31:02Z\",\"tradeDate\":\"2031-02-04\"}";

        send(topic, orderNo, "{\"tradeId\": \"truncated".getBytes(StandardCharsets.UTF_8));
        send(topic, orderNo, inconsistent.getBytes(StandardCharsets.UTF_8));
        send(record(orderNo, 3, 3));

        await().atMost(WAIT).until(() -> wf.applied().size() == 1);
        await().atMost(WAIT).until(() -> FillsTestSupport.quarantinedFor(db, orderNo).size() == 2);
        List<FillNoticeQuarantineRecord> kept = FillsTestSupport.quarantinedFor(db, orderNo);
        assertThat(kept.get(0).getReason()).startsWith("malformed fill record at " + topic)
                .contains("unreadable fill record");
        assertThat(kept.get(0).getPayload()).isEqualTo("{\"tradeId\": \"truncated");
        assertThat(kept.get(1).getReason()).contains("inconsistent fill record")
                .contains("does not match order " + orderNo);
        assertThat(wf.applied().get(0).tradeId()).isEqualTo(orderNo + "-c3");
    }

    @Test
    void aRecordReadAgainAfterARestartBeforeTheCommitReachesTheWorkflowHarmlessly() throws Exception {
        String ownTopic = FillsTestSupport.newTopic(admin, "broker.fills.redelivery-test");
        topics.add(ownTopic);
        FillRouterSettings own = settings.withTopic(ownTopic).withGroupId("fills-test-" + UUID.randomUUID());
        FillRecipientWorkflow wf = startRecipient();
        String orderNo = FillsTestSupport.orderNumber();
        FillsTestSupport.registerInLedger(db, TRADE_DATE, orderNo, idOf(wf));

        RecordMetadata sent = send(ownTopic, orderNo, record(orderNo, 12, 12).toJson());
        TopicPartition tp = new TopicPartition(ownTopic, sent.partition());
        try (FillSignalConsumer first = newRouter(own, new SimpleMeterRegistry())) {
            first.start();
            await().atMost(WAIT).until(() -> wf.applied().size() == 1);
            await().atMost(WAIT).until(() -> committed(own.groupId(), tp) == sent.offset() + 1);
        }
        // The consumer stopped as if it had crashed between the signal and the commit.
        admin.alterConsumerGroupOffsets(own.groupId(), Map.of(tp, new OffsetAndMetadata(sent.offset())))
                .all().get(10, TimeUnit.SECONDS);

        try (FillSignalConsumer second = newRouter(own, new SimpleMeterRegistry())) {
            second.start();
            await().atMost(WAIT).until(() -> wf.duplicates() == 1);
            await().atMost(WAIT).until(() -> committed(own.groupId(), tp) == sent.offset() + 1);
            assertThat(second.signalled()).isEqualTo(1);
        }
        assertThat(wf.applied()).hasSize(1);
        assertThat(wf.applied().get(0).tradeId()).isEqualTo(orderNo + "-c12");
        assertThat(FillsTestSupport.quarantinedFor(db, orderNo)).isEmpty();
    }

    private static long committed(String group, TopicPartition tp) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).get(tp);
        return offset == null ? -1 : offset.offset();
    }
}
