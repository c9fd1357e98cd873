package com.aegis.activities.control;

import static com.aegis.db.jooq.Tables.ALERT;
import static com.aegis.db.jooq.Tables.INCIDENT;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.TRADING_MODE_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.testing.MutableClock;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SignalId;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.db.Migrations;
import com.aegis.db.jooq.tables.records.AlertRecord;
import com.aegis.db.jooq.tables.records.IncidentRecord;
import com.aegis.db.jooq.tables.records.TradingModeAuditRecord;
import com.aegis.localstack.KafkaTopics;
import com.aegis.localstack.LocalStack;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.control.ControlAlert;
import com.aegis.workflows.control.ModeAudit;
import com.aegis.workflows.control.OrderStart;
import com.aegis.workflows.control.TradingControlWorkflow;
import com.aegis.workflows.control.TradingMode;
import com.aegis.workflows.orders.AlgoOrder;
import com.aegis.workflows.orders.ExecutionAlgoWorkflow;
import com.aegis.workflows.orders.OrderDecision;
import com.aegis.workflows.orders.OrderLifecycleWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the local stack's PostgreSQL, Kafka and Temporal. Order workflows are started on {@code aegis-orders} with
 * no worker polling it, so they stay open and accept signals. Instruments 99070x and the trading days in July 2029
 * are this class's own; leftovers of an earlier run on those days are removed first.
 */
class ControlActivitiesImplTest {

    private static final String KOSPI_SYMBOL = "990701";
    private static final String KOSDAQ_SYMBOL = "990702";
    private static final String DELISTED_SYMBOL = "990703";
    private static final String UNKNOWN_SYMBOL = "990799";
    private static final LocalDate AUDIT_DAY = LocalDate.of(2029, 7, 9);
    private static final LocalDate ALERT_DAY = LocalDate.of(2029, 7, 10);
    private static final LocalDate CANCEL_DAY = LocalDate.of(2029, 7, 11);
    private static final LocalDate START_DAY = LocalDate.of(2029, 7, 12);
    /** 10:00 KST. */
    private static final Instant AT = Instant.parse("2029-07-09T01:00:00Z");
    private static final String ACCOUNT = "ACC-CONTROL-TEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DSLContext dsl;
    private static WorkflowServiceStubs service;
    private static WorkflowClient client;
    private static KafkaProducer<String, String> producer;
    private static ControlActivitiesImpl control;
    private static final List<String> started = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        LocalStack stack = LocalStack.sharedForTests();
        DataSource dataSource = stack.dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        instrument(KOSPI_SYMBOL, "KOSPI");
        instrument(KOSDAQ_SYMBOL, "KOSDAQ");
        instrument(DELISTED_SYMBOL, "KOSPI");
        dsl.update(INSTRUMENT).set(INSTRUMENT.DELISTED_ON, LocalDate.of(2029, 7, 1))
                .where(INSTRUMENT.SYMBOL.eq(DELISTED_SYMBOL)).execute();
        dsl.deleteFrom(INSTRUMENT).where(INSTRUMENT.SYMBOL.eq(UNKNOWN_SYMBOL)).execute();
        dsl.deleteFrom(TRADING_MODE_AUDIT)
                .where(TRADING_MODE_AUDIT.WORKFLOW_ID.like(TradingControlWorkflow.workflowId(AUDIT_DAY) + "#%"))
                .execute();
        dsl.deleteFrom(INCIDENT)
                .where(INCIDENT.WORKFLOW_ID.like(TradingControlWorkflow.workflowId(ALERT_DAY) + "#%")).execute();
        dsl.deleteFrom(ALERT).where(ALERT.DEDUP_KEY.like(ALERT_DAY + "#%")).execute();
        dsl.deleteFrom(ORDERS).where(ORDERS.TRADE_DATE.eq(CANCEL_DAY)).execute();

        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
        client = WorkflowClient.newInstance(service,
                WorkflowClientOptions.newBuilder().setNamespace(stack.temporalNamespace()).build());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        control = new ControlActivitiesImpl(dsl, client, producer,
                ControlSettings.defaults(ACCOUNT).withAlertsTopic(KafkaTopics.ALERTS), new MutableClock(AT));
    }

    @AfterAll
    static void tearDown() {
        for (String id : started) {
            try {
                client.newUntypedWorkflowStub(id).terminate("ControlActivitiesImplTest finished");
            } catch (RuntimeException alreadyClosed) {
                // terminated by the test itself
            }
        }
        producer.close();
        service.shutdown();
    }

    private static void instrument(String symbol, String market) {
        dsl.insertInto(INSTRUMENT)
                .set(INSTRUMENT.SYMBOL, symbol)
                .set(INSTRUMENT.NAME, "Control test " + market)
                .set(INSTRUMENT.MARKET, market)
                .set(INSTRUMENT.LISTED_SHARES, 10_000_000L)
                .set(INSTRUMENT.LISTED_ON, LocalDate.of(2020, 1, 2))
                .onConflictDoNothing()
                .execute();
    }

    // ---- mode audit ----

    @Test
    void anAcceptedModeChangeIsAuditedOnceEvenWhenRecordedTwice() {
        ModeAudit audit = new ModeAudit(AUDIT_DAY, 1, TradingMode.AUTO, TradingMode.MANUAL, "kim",
                "market turbulence", true, null, AT);
        control.recordModeChange(audit);
        control.recordModeChange(audit);

        List<TradingModeAuditRecord> rows = auditRows(1);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getModeFrom()).isEqualTo("AUTO");
            assertThat(r.getModeTo()).isEqualTo("MANUAL");
            assertThat(r.getOperator()).isEqualTo("kim");
            assertThat(r.getReason()).isEqualTo("market turbulence");
            assertThat(r.getWorkflowId()).isEqualTo("trading-control-2029-07-09#1");
            assertThat(r.getChangedAt().toInstant()).isEqualTo(AT);
        });
    }

    @Test
    void aRejectedRequestIsAuditedWithoutChangingTheMode() {
        control.recordModeChange(new ModeAudit(AUDIT_DAY, 2, TradingMode.MANUAL, TradingMode.AUTO, "mallory",
                "let me trade", false, "unknown operator 'mallory'", AT.plusSeconds(60)));
        control.recordModeChange(new ModeAudit(AUDIT_DAY, 3, TradingMode.MANUAL, null, " ", null, false,
                "no mode given (AUTO, MANUAL or HALTED)", AT.plusSeconds(120)));

        assertThat(auditRows(2)).singleElement().satisfies(r -> {
            assertThat(r.getModeFrom()).isEqualTo("MANUAL");
            assertThat(r.getModeTo()).isEqualTo("MANUAL");
            assertThat(r.getOperator()).isEqualTo("mallory");
            assertThat(r.getReason()).isEqualTo("REJECTED AUTO (unknown operator 'mallory'): let me trade");
        });
        assertThat(auditRows(3)).singleElement().satisfies(r -> {
            assertThat(r.getModeTo()).isEqualTo("MANUAL");
            assertThat(r.getOperator()).isEqualTo("(none)");
            assertThat(r.getReason()).isEqualTo("REJECTED (none) (no mode given (AUTO, MANUAL or HALTED)): (none)");
        });
    }

    @Test
    void concurrentRepeatsOfOneAuditWriteOneRow() throws Exception {
        ModeAudit audit = new ModeAudit(AUDIT_DAY, 4, TradingMode.MANUAL, TradingMode.HALTED, "kim", "kill switch",
                true, null, AT.plusSeconds(180));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writes.add(pool.submit(() -> control.recordModeChange(audit)));
            }
            for (Future<?> write : writes) {
                write.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(auditRows(4)).hasSize(1);
    }

    @Test
    void anAuditWithoutDateOrSequenceIsRefused() {
        assertThatThrownBy(() -> control.recordModeChange(new ModeAudit(null, 1, TradingMode.AUTO,
                TradingMode.MANUAL, "kim", "r", true, null, AT))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a date");
        assertThatThrownBy(() -> control.recordModeChange(new ModeAudit(AUDIT_DAY, 0, TradingMode.AUTO,
                TradingMode.MANUAL, "kim", "r", true, null, AT))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence >= 1");
    }

    private static List<TradingModeAuditRecord> auditRows(long sequence) {
        return dsl.selectFrom(TRADING_MODE_AUDIT)
                .where(TRADING_MODE_AUDIT.WORKFLOW_ID.eq(TradingControlWorkflow.workflowId(AUDIT_DAY) + "#"
                        + sequence)).fetch();
    }

    // ---- alerts ----

    @Test
    void aKillSwitchAlertIsStoredAndPublishedOnce() throws Exception {
        ControlAlert alert = new ControlAlert(ALERT_DAY, 1, ControlAlert.Kind.KILL_SWITCH,
                "trading HALTED by kim: test; 0 open orders cancelled", AT);
        Map<TopicPartition, Long> before = endOffsets();
        control.raiseAlert(alert);
        control.raiseAlert(alert);

        List<AlertRecord> rows = alertRows(alert);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.getSeverity()).isEqualTo("WARNING");
            assertThat(r.getRule()).isEqualTo("trading-control.KILL_SWITCH");
            assertThat(r.getMessage()).isEqualTo(alert.message());
            assertThat(r.getRaisedAt().toInstant()).isEqualTo(AT);
            assertThat(r.getResolvedAt()).isNull();
        });
        JsonNode context = JSON.readTree(rows.get(0).getContext().data());
        assertThat(context.path("sequence").asLong()).isEqualTo(1);
        assertThat(context.path("workflowId").asText()).isEqualTo("trading-control-2029-07-10");
        assertThat(dsl.fetchCount(INCIDENT, INCIDENT.ALERT_ID.eq(rows.get(0).getId()))).isZero();

        List<ConsumerRecord<String, String>> published = publishedSince(before, "2029-07-10#1");
        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("trading-control.KILL_SWITCH");
            JsonNode json = JSON.readTree(record.value());
            assertThat(json.path("severity").asText()).isEqualTo("WARNING");
            assertThat(json.path("kind").asText()).isEqualTo("KILL_SWITCH");
            assertThat(json.path("message").asText()).isEqualTo(alert.message());
            assertThat(json.path("alertId").asLong()).isEqualTo(rows.get(0).getId());
        });
    }

    @Test
    void aTradingFailureOpensOneIncident() throws Exception {
        ControlAlert alert = new ControlAlert(ALERT_DAY, 2, ControlAlert.Kind.TRADING_FAILURE,
                "I3 trading failure: broker unreachable; 3 open orders cancelled", AT.plusSeconds(5));
        Map<TopicPartition, Long> before = endOffsets();
        control.raiseAlert(alert);
        control.raiseAlert(alert);

        AlertRecord row = alertRows(alert).get(0);
        assertThat(alertRows(alert)).hasSize(1);
        assertThat(row.getSeverity()).isEqualTo("CRITICAL");
        List<IncidentRecord> incidents = dsl.selectFrom(INCIDENT).where(INCIDENT.ALERT_ID.eq(row.getId())).fetch();
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getKind()).isEqualTo("TRADING_FAILURE");
            assertThat(i.getStatus()).isEqualTo("OPEN");
            assertThat(i.getWorkflowId()).isEqualTo("trading-control-2029-07-10#alert-2");
            assertThat(i.getSummary()).isEqualTo(alert.message());
            assertThat(i.getStartedAt().toInstant()).isEqualTo(AT.plusSeconds(5));
            assertThat(i.getEndedAt()).isNull();
        });
        assertThat(publishedSince(before, "2029-07-10#2")).singleElement()
                .satisfies(record -> assertThat(JSON.readTree(record.value()).path("incidentId").asLong())
                        .isEqualTo(incidents.get(0).getId()));
    }

    @Test
    void anAlertWithoutMessageIsRefused() {
        assertThatThrownBy(() -> control.raiseAlert(new ControlAlert(ALERT_DAY, 9, ControlAlert.Kind.DAILY_LOSS_LIMIT,
                " ", AT))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no message");
        assertThat(dsl.fetchCount(ALERT, ALERT.DEDUP_KEY.eq("2029-07-10#9"))).isZero();
    }

    private static List<AlertRecord> alertRows(ControlAlert alert) {
        return dsl.selectFrom(ALERT).where(ALERT.RULE.eq(ControlActivitiesImpl.rule(alert.kind()))
                .and(ALERT.DEDUP_KEY.eq(ControlActivitiesImpl.dedupKey(alert)))).fetch();
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.sharedForTests().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaTopics.ALERTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** The alert records published after {@code before} (read to the current end) carrying the dedup key. */
    private static List<ConsumerRecord<String, String>> publishedSince(Map<TopicPartition, Long> before,
            String dedupKey) throws Exception {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(before.keySet());
            before.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(before.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("alerts topic not read to its end " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (dedupKey.equals(JSON.readTree(record.value()).path("dedupKey").asText())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    // ---- cancel all ----

    @Test
    void cancelAllSignalsTheDaysOpenOrdersAndSkipsFinishedOnes() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String submitted = openWorkflow("ctl-" + tag + "-submitted");
        String partial = openWorkflow("ctl-" + tag + "-partial");
        String terminated = openWorkflow("ctl-" + tag + "-terminated");
        client.newUntypedWorkflowStub(terminated).terminate("finished before the cancel-all");
        String unknown = "ctl-" + tag + "-never-started";
        String filled = openWorkflow("ctl-" + tag + "-filled");
        order(submitted, CANCEL_DAY, "SUBMITTED", 0);
        order(partial, CANCEL_DAY, "PARTIALLY_FILLED", 40);
        order(terminated, CANCEL_DAY, "INITIALIZED", 0);
        order(unknown, CANCEL_DAY, "ACCEPTED", 0);
        order(filled, CANCEL_DAY, "FILLED", 100);
        String otherDay = openWorkflow("ctl-" + tag + "-other-day");
        order(otherDay, CANCEL_DAY.plusDays(1), "SUBMITTED", 0);

        int cancelled = control.cancelAllOpenOrders(CANCEL_DAY, "I3 trading failure: broker unreachable");

        assertThat(cancelled).isEqualTo(2);
        assertThat(cancelSignals(submitted)).containsExactly("I3 trading failure: broker unreachable");
        assertThat(cancelSignals(partial)).hasSize(1);
        assertThat(cancelSignals(filled)).isEmpty();
        assertThat(cancelSignals(otherDay)).isEmpty();
        assertThat(control.cancelAllOpenOrders(LocalDate.of(2029, 7, 1), "nothing open")).isZero();
        assertThatThrownBy(() -> control.cancelAllOpenOrders(CANCEL_DAY, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
    }

    /** An order workflow that stays open: nothing polls its task queue. */
    private static String openWorkflow(String workflowId) {
        OrderLifecycleWorkflow workflow = client.newWorkflowStub(OrderLifecycleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue(TaskQueues.ORDERS)
                        .setWorkflowRunTimeout(Duration.ofMinutes(5))
                        .build());
        WorkflowClient.start(workflow::run, OrderDecision.limit(CANCEL_DAY, ACCOUNT, KOSPI_SYMBOL, Market.KOSPI,
                Side.BUY, 100, 50_000, 50_000, 1, AT));
        started.add(workflowId);
        return workflowId;
    }

    private static void order(String workflowId, LocalDate day, String status, long filled) {
        dsl.insertInto(ORDERS)
                .set(ORDERS.CLIENT_ORDER_ID, workflowId)
                .set(ORDERS.WORKFLOW_ID, workflowId)
                .set(ORDERS.ACCOUNT, ACCOUNT)
                .set(ORDERS.TRADE_DATE, day)
                .set(ORDERS.SYMBOL, KOSPI_SYMBOL)
                .set(ORDERS.SIDE, "BUY")
                .set(ORDERS.ORDER_TYPE, "LIMIT")
                .set(ORDERS.LIMIT_PRICE, 50_000L)
                .set(ORDERS.QUANTITY, 100L)
                .set(ORDERS.FILLED_QUANTITY, filled)
                .set(ORDERS.STATUS, status)
                .execute();
    }

    /** The reasons of the cancel signals in the workflow's history. */
    private static List<String> cancelSignals(String workflowId) {
        List<String> reasons = new ArrayList<>();
        for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
            if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
                    && event.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("cancel")) {
                var input = event.getWorkflowExecutionSignaledEventAttributes().getInput();
                reasons.add(DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0, Optional.of(input), String.class,
                        String.class));
                assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(1, Optional.of(input), String.class,
                        String.class)).isEqualTo(TradingControlWorkflow.SYSTEM_OPERATOR);
            }
        }
        return reasons;
    }

    // ---- order start ----

    @Test
    void startOrderStartsTheDerivedWorkflowOnce() {
        long signal = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        OrderStart start = new OrderStart(START_DAY, new com.aegis.workflows.control.OrderDecision(
                Symbol.of(KOSDAQ_SYMBOL), Side.BUY, 30, 12_340, SignalId.of(signal), 81.5), "kim");

        String workflowId = control.startOrder(start);
        started.add(workflowId);

        assertThat(workflowId).isEqualTo("order-2029-07-12-990702-BUY-" + signal);
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
        WorkflowExecutionDescription described = stub.describe();
        assertThat(described.getWorkflowType()).isEqualTo(OrderLifecycleWorkflow.TYPE);
        assertThat(described.getTaskQueue()).isEqualTo(TaskQueues.ORDERS);
        assertThat(described.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        HistoryEvent first = client.fetchHistory(workflowId).getEvents().get(0);
        OrderDecision decision = DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
                Optional.of(first.getWorkflowExecutionStartedEventAttributes().getInput()), OrderDecision.class,
                OrderDecision.class);
        assertThat(decision.accountId()).isEqualTo(ACCOUNT);
        assertThat(decision.market()).isEqualTo(Market.KOSDAQ);
        assertThat(decision.type()).isEqualTo(OrderType.LIMIT);
        assertThat(decision.limitPrice()).isEqualTo(12_340);
        assertThat(decision.decisionPrice()).isEqualTo(12_340);
        assertThat(decision.quantity()).isEqualTo(30);
        assertThat(decision.decidedAt()).isEqualTo(AT);

        assertThat(control.startOrder(start)).isEqualTo(workflowId);
        assertThat(stub.describe().getExecution().getRunId()).isEqualTo(described.getExecution().getRunId());
    }

    @Test
    void aLargeDecisionStartsATwapOfSlicesInsteadOfOneOrder() {
        long signal = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        // 1,000 shares at 70,000 KRW = 70 million KRW, above the 50 million default.
        OrderStart start = new OrderStart(START_DAY, new com.aegis.workflows.control.OrderDecision(
                Symbol.of(KOSPI_SYMBOL), Side.BUY, 1_000, 70_000, SignalId.of(signal), 90), "kim");

        String workflowId = control.startOrder(start);
        started.add(workflowId);

        assertThat(workflowId).isEqualTo("algo-2029-07-12-990701-BUY-" + signal);
        WorkflowExecutionDescription described = client.newUntypedWorkflowStub(workflowId).describe();
        assertThat(described.getWorkflowType()).isEqualTo(ExecutionAlgoWorkflow.TYPE);
        HistoryEvent first = client.fetchHistory(workflowId).getEvents().get(0);
        AlgoOrder algo = DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
                Optional.of(first.getWorkflowExecutionStartedEventAttributes().getInput()), AlgoOrder.class,
                AlgoOrder.class);
        assertThat(algo.algo()).isEqualTo(AlgoOrder.Algo.TWAP);
        assertThat(algo.buckets()).isEqualTo(5);
        assertThat(algo.horizon()).isEqualTo(java.time.Duration.ofMinutes(40));
        assertThat(algo.parent().quantity()).isEqualTo(1_000);
        assertThat(algo.parent().workflowId()).isEqualTo("order-2029-07-12-990701-BUY-" + signal);
        assertThat(control.startOrder(start)).isEqualTo(workflowId);
    }

    @Test
    void marketOrderSettingsAndDelistedSymbols() {
        ControlActivitiesImpl marketOrders = new ControlActivitiesImpl(dsl, client, producer,
                ControlSettings.defaults(ACCOUNT).withOrderType(OrderType.MARKET), new MutableClock(AT));
        OrderDecision decision = marketOrders.decisionOf(new OrderStart(START_DAY,
                new com.aegis.workflows.control.OrderDecision(Symbol.of(KOSPI_SYMBOL), Side.SELL, 10, 70_000,
                        SignalId.of(11), 20), "auto"));
        assertThat(decision.type()).isEqualTo(OrderType.MARKET);
        assertThat(decision.limitPrice()).isZero();
        assertThat(decision.decisionPrice()).isEqualTo(70_000);
        assertThat(decision.market()).isEqualTo(Market.KOSPI);

        OrderStart delisted = new OrderStart(START_DAY, new com.aegis.workflows.control.OrderDecision(
                Symbol.of(DELISTED_SYMBOL), Side.BUY, 1, 1_000, SignalId.of(12), 80), "auto");
        assertThatThrownBy(() -> control.startOrder(delisted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delisted on 2029-07-01");
    }

    @Test
    void startOrderOfAnUnknownSymbolIsRefused() {
        OrderStart start = new OrderStart(START_DAY, new com.aegis.workflows.control.OrderDecision(
                Symbol.of(UNKNOWN_SYMBOL), Side.SELL, 5, 1_000, SignalId.of(7), 90), "auto");
        assertThatThrownBy(() -> control.startOrder(start)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown symbol " + UNKNOWN_SYMBOL);
    }
}
