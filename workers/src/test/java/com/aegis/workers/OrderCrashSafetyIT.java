package com.aegis.workers;

import static com.aegis.db.jooq.Tables.BROKER_ORDER_NUMBER;
import static com.aegis.db.jooq.Tables.BROKER_SUBMISSION;
import static com.aegis.db.jooq.Tables.FILL;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.activities.broker.KisBrokerActivities;
import com.aegis.activities.fills.CumulativeFillCounter;
import com.aegis.activities.fills.FillBridgeSettings;
import com.aegis.activities.fills.FillNoticeBridge;
import com.aegis.activities.fills.FillQuarantine;
import com.aegis.activities.fills.FillRouterSettings;
import com.aegis.activities.fills.FillSignalConsumer;
import com.aegis.activities.fills.LedgerWorkflowIdLookup;
import com.aegis.activities.kis.rest.KisBalance;
import com.aegis.activities.kis.rest.KisCredentials;
import com.aegis.activities.kis.rest.KisDailyOrder;
import com.aegis.activities.kis.rest.KisEnvironment;
import com.aegis.activities.kis.rest.KisHolding;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.kis.ws.KisRealtimeClient;
import com.aegis.activities.kis.ws.KisRealtimeSettings;
import com.aegis.activities.kis.ws.KisRealtimeTr;
import com.aegis.activities.orders.AccountBook;
import com.aegis.activities.orders.OrderQueries;
import com.aegis.activities.orders.OrderStoreActivitiesImpl;
import com.aegis.activities.orders.check.CachingLastPriceSource;
import com.aegis.activities.orders.check.KisQuoteLastPriceSource;
import com.aegis.activities.orders.check.OrderCheckActivitiesImpl;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.market.Side;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.risk.TradingState;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.services.SessionPlans;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workers.stack.LocalTemporalWorkerOptions;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.orders.OrderDecision;
import com.aegis.workflows.orders.OrderExecutionReport;
import com.aegis.workflows.orders.OrderLifecycleWorkflow;
import com.aegis.workflows.orders.OrderLifecycleWorkflowImpl;
import com.aegis.workflows.orders.OrderState;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety of the order path on the local stack (P3): 50 orders run at once against the simulated KRX exchange
 * through its KIS services while the Temporal worker that runs the order workflows and the broker calls is killed and
 * restarted at random points, several times, and the fill router once. Afterwards every order is terminal, the
 * simulator holds each broker order exactly once, every fill is booked once, and positions and cash match the
 * simulator's account.
 */
class OrderCrashSafetyIT {

    private static final Logger log = LoggerFactory.getLogger(OrderCrashSafetyIT.class);
    private static final int ORDERS = 50;
    private static final double SPEED = 20.0;
    private static final long SEED = 20261130L;

    private static SimulatedProviders sim;
    private static DSLContext db;
    private static WorkflowClient client;
    private static KisRestClient kis;
    private static StatefulRedisConnection<String, String> redis;
    private static RedisClient redisClient;
    private static Producer<String, byte[]> producer;
    private static FillNoticeBridge bridge;
    private static FillSignalConsumer router;
    private static Clock marketClock;
    private static CachingLastPriceSource prices;
    private static LocalDate session;
    private static String account;
    private static String routerGroup;

    @BeforeAll
    static void start() throws Exception {
        LocalStack stack = LocalStack.sharedForTests();
        DataSource dataSource = stack.dataSource();
        Migrations.migrate(dataSource);
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        sim = SimulatedProviders.start(SimulatedProviders.Settings.localDefaults()
                .withMarket(SEED, 120, 1, ORDERS, SPEED).withPorts(0, 0, 0, 0, 0)
                .withClockStart(LocalTime.of(8, 59, 40)));
        session = sim.session();
        marketClock = sim.clock().asClock();
        PostgresHistoryLoader.load(sim.history(), dataSource, ProgressListener.NONE);

        SimulatedProviders.Settings s = sim.settings();
        URI rest = URI.create(service(SimulatedProviders.KIS_REST));
        KisEnvironment environment = KisEnvironment.live().withBaseUri(rest);
        kis = KisRestClient.standard(environment, KisCredentials.of(s.kisAppKey(), s.kisAppSecret(),
                s.kisAccountNumber(), "01"), Path.of("target", "kis-tokens-crash"));

        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(stack.temporalTarget()).build());
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setNamespace(stack.temporalNamespace()).build());

        prices = new CachingLastPriceSource(new KisQuoteLastPriceSource(kis), Duration.ofSeconds(5));
        account = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        AccountBook.deposit(db, account, s.startingCash(), "opening-" + account, session, marketClock.instant());

        redisClient = RedisClient.create(stack.redisUri());
        redis = redisClient.connect();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        FillQuarantine quarantine = new FillQuarantine(db, Clock.systemUTC());
        KisRealtimeClient realtime = new KisRealtimeClient(
                KisRealtimeSettings.defaults(URI.create(service(SimulatedProviders.KIS_WS))), kis::approvalKey);
        FillBridgeSettings bridgeSettings = FillBridgeSettings.defaults("aegis", KisRealtimeTr.FILL_NOTICE_LIVE);
        bridge = new FillNoticeBridge(realtime, bridgeSettings,
                new CumulativeFillCounter(redis, bridgeSettings.cumulativeTtl()), producer, quarantine, marketClock,
                null);
        bridge.start();
        routerGroup = "crash-router-" + account;
        router = newRouter(stack, quarantine);
        router.start();
    }

    private static FillSignalConsumer newRouter(LocalStack stack, FillQuarantine quarantine) {
        FillRouterSettings settings = FillRouterSettings.defaults().withGroupId(routerGroup);
        return new FillSignalConsumer(FillSignalConsumer.kafkaConsumers(stack.kafkaBootstrapServers(), routerGroup,
                settings), settings, new LedgerWorkflowIdLookup(db), client, quarantine, Clock.systemUTC(), null);
    }

    private static String service(String name) {
        return sim.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().baseUrl();
    }

    @AfterAll
    static void stop() {
        if (router != null) {
            router.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (redis != null) {
            redis.close();
            redisClient.shutdown();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** The worker of the order path: order workflows, checks and store on aegis-orders, broker calls on aegis-broker. */
    private static WorkerFactory startWorker() {
        WorkerFactory factory = WorkerFactory.newInstance(client);
        // As the workers do on the embedded server: no sticky queue, so a killed worker's workflows resume elsewhere.
        io.temporal.worker.WorkerOptions options = LocalTemporalWorkerOptions
                .withoutStickyQueue(io.temporal.worker.WorkerOptions.newBuilder()).build();
        var orders = factory.newWorker(TaskQueues.ORDERS, options);
        orders.registerWorkflowImplementationTypes(OrderLifecycleWorkflowImpl.class);
        orders.registerActivitiesImplementations(
                new OrderCheckActivitiesImpl(db, prices, () -> TradingState.ACTIVE,
                        RiskLimits.defaults(), marketClock, SPEED),
                new OrderStoreActivitiesImpl(db, Clock.systemUTC()));
        factory.newWorker(TaskQueues.BROKER, options).registerActivitiesImplementations(
                new KisBrokerActivities(kis, db, marketClock));
        factory.start();
        return factory;
    }

    @Test
    void fiftyOrdersSurviveWorkerCrashesExactlyOnce() throws Exception {
        awaitMarket(LocalTime.of(9, 1));
        List<DayPlan> plans = SessionPlans.mostTraded(sim.history(), SessionPlans.lastSession(sim.history()), ORDERS);
        assertThat(plans).hasSize(ORDERS);

        WorkerFactory worker = startWorker();
        List<String> ids = new ArrayList<>();
        Instant decidedAt = marketClock.instant();
        for (int i = 0; i < ORDERS; i++) {
            DayPlan plan = plans.get(i);
            long price = kis.inquirePrice(plan.symbol()).price();
            long quantity = Math.max(1, 300_000 / price);
            OrderDecision decision = i % 5 == 4
                    ? OrderDecision.limit(session, account, plan.symbol().code(), plan.market(), Side.BUY, quantity,
                            price, price, 9_000 + i, decidedAt)
                    : OrderDecision.market(session, account, plan.symbol().code(), plan.market(), Side.BUY, quantity,
                            price, 9_000 + i, decidedAt);
            WorkflowClient.start(client.newWorkflowStub(OrderLifecycleWorkflow.class,
                    OrderLifecycleWorkflow.options(decision))::run, decision);
            ids.add(decision.workflowId());
        }

        // Kill the worker at random points while the orders are in flight, and the fill router once.
        Random random = new Random(SEED);
        for (int crash = 1; crash <= 4; crash++) {
            Thread.sleep(200 + random.nextInt(1_200));
            worker.shutdownNow();
            worker.awaitTermination(10, TimeUnit.SECONDS);
            log.info("crash {}: worker stopped at {} KST", crash, LocalTime.ofInstant(marketClock.instant(),
                    KrxCalendar.KST));
            if (crash == 2) {
                router.close();
                router = newRouter(LocalStack.sharedForTests(), new FillQuarantine(db, Clock.systemUTC()));
                router.start();
            }
            Thread.sleep(100 + random.nextInt(700));
            worker = startWorker();
        }

        Map<String, OrderExecutionReport> reports = new TreeMap<>();
        try {
            for (String id : ids) {
                try {
                    reports.put(id, client.newUntypedWorkflowStub(id)
                            .getResult(4, TimeUnit.MINUTES, OrderExecutionReport.class));
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError(id + " is not terminal after 4 minutes: " + diagnose(id)
                            + "; quarantined fills "
                            + db.fetch("select broker_order_no, reason from fill_notice_quarantine").formatCSV(), e);
                }
            }
            verify(ids, reports);
        } finally {
            worker.shutdownNow();
            worker.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void verify(List<String> ids, Map<String, OrderExecutionReport> reports) {
        OrderQueries queries = new OrderQueries(db);
        // Every order is terminal, with its report stored.
        assertThat(reports).hasSize(ORDERS);
        assertThat(reports.values()).allSatisfy(r -> assertThat(r.status()).isIn(OrderStatus.FILLED,
                OrderStatus.CANCELED, OrderStatus.EXPIRED, OrderStatus.REJECTED, OrderStatus.DENIED));
        for (String id : ids) {
            assertThat(queries.reportOf(id)).as("stored report of %s", id).isPresent();
        }

        // Exactly once at the simulator: every original order there is one of our submissions, and each submission
        // that was placed is there once.
        List<KisDailyOrder> atBroker = kis.dailyOrders(session, session);
        List<KisDailyOrder> originals = atBroker.stream()
                .filter(o -> !o.cancelRow() && o.originalOrder().isEmpty()).toList();
        Map<String, String> placed = db.select(BROKER_SUBMISSION.BROKER_ORDER_NO, BROKER_SUBMISSION.WORKFLOW_ID)
                .from(BROKER_SUBMISSION)
                .where(BROKER_SUBMISSION.WORKFLOW_ID.in(ids), BROKER_SUBMISSION.STATE.eq("PLACED"))
                .fetchMap(BROKER_SUBMISSION.BROKER_ORDER_NO, BROKER_SUBMISSION.WORKFLOW_ID);
        assertThat(originals).extracting(o -> o.orderNumber().value())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(placed.keySet());
        assertThat(placed.values()).doesNotHaveDuplicates();

        // Every fill once: per order, the booked fills equal what the simulator filled under its numbers.
        Map<String, String> keyOfNumber = db.select(BROKER_ORDER_NUMBER.BROKER_ORDER_NO, BROKER_SUBMISSION.WORKFLOW_ID)
                .from(BROKER_ORDER_NUMBER).join(BROKER_SUBMISSION)
                .on(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY))
                .where(BROKER_SUBMISSION.WORKFLOW_ID.in(ids), BROKER_ORDER_NUMBER.TRADE_DATE.eq(session))
                .fetchMap(BROKER_ORDER_NUMBER.BROKER_ORDER_NO, BROKER_SUBMISSION.WORKFLOW_ID);
        Map<String, long[]> simulated = new HashMap<>();
        for (KisDailyOrder o : atBroker) {
            String owner = keyOfNumber.get(o.orderNumber().value());
            if (!o.cancelRow() && owner != null) {
                long[] sum = simulated.computeIfAbsent(owner, k -> new long[2]);
                sum[0] += o.filledQuantity();
                sum[1] += o.filledAmount();
            }
        }
        long fills = 0;
        for (String id : ids) {
            var booked = db.select(DSL.sum(FILL.QUANTITY).cast(Long.class),
                    DSL.sum(FILL.PRICE.mul(FILL.QUANTITY)).cast(Long.class), DSL.count())
                    .from(FILL).where(FILL.ORDER_ID.eq(id)).fetchOne();
            long[] expected = simulated.getOrDefault(id, new long[2]);
            long bookedShares = booked.value1() == null ? 0L : booked.value1();
            long bookedValue = booked.value2() == null ? 0L : booked.value2();
            assertThat(bookedShares).as("shares filled of %s", id).isEqualTo(expected[0]);
            assertThat(bookedValue).as("value filled of %s", id).isEqualTo(expected[1]);
            assertThat(reports.get(id).filledQuantity()).isEqualTo(expected[0]);
            fills += booked.value3();
        }

        // Positions and cash match the simulator's account.
        KisBalance balance = kis.balance();
        Map<String, Long> brokerShares = balance.holdings().stream().filter(h -> h.quantity() > 0)
                .collect(Collectors.toMap(h -> h.symbol().code(), KisHolding::quantity));
        assertThat(AccountBook.shares(db, account)).isEqualTo(brokerShares);
        int recovered = 0;
        for (String id : ids) {
            OrderState state = client.newWorkflowStub(OrderLifecycleWorkflow.class, id).state();
            recovered += (int) state.notes().stream().filter(n -> n.text().startsWith("inquiry: ")).count();
        }
        long cashDifference = AccountBook.cash(db, account) - balance.deposit();
        log.info("{} orders, {} fills booked, {} filled by inquiry after lost notices; cash difference {} KRW; {}",
                ORDERS, fills, recovered, cashDifference, reports.values().stream()
                        .collect(Collectors.groupingBy(OrderExecutionReport::status, Collectors.counting())));
        // Commission is truncated per execution: a fill taken from the inquiry sums executions, so it may round one
        // won differently. Fills from notices match to the won.
        reports.values().stream().filter(r -> r.status() != OrderStatus.FILLED)
                .forEach(r -> log.info("{} {}: {}", r.clientOrderId(), r.status(), r.closeReason()));
        assertThat(Math.abs(cashDifference)).isLessThanOrEqualTo(recovered);
        assertThat(Set.copyOf(reports.values().stream().map(OrderExecutionReport::status).toList()))
                .contains(OrderStatus.FILLED);
        recordHistory(reports.values().stream().filter(r -> r.status() == OrderStatus.FILLED && r.fillCount() > 1)
                .map(OrderExecutionReport::workflowId).findFirst()
                .orElse(reports.keySet().iterator().next()));
    }

    /**
     * Writes an order's history to {@code target/histories/order-lifecycle.json}: the source of the recorded history
     * the workflows module replays on every build.
     */
    private static void recordHistory(String workflowId) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "histories");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("order-lifecycle.json"),
                    client.fetchHistory(workflowId).toJson(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The end of the workflow's history and its pending activities, read from the service (no worker needed). */
    private static String diagnose(String id) {
        var history = client.fetchHistory(id).getHistory().getEventsList();
        String tail = history.subList(Math.max(0, history.size() - 25), history.size()).stream()
                .map(e -> e.getEventType().name().replace("EVENT_TYPE_", "")
                        + (e.hasActivityTaskScheduledEventAttributes()
                        ? "(" + e.getActivityTaskScheduledEventAttributes().getActivityType().getName() + ")" : "")
                        + (e.hasWorkflowTaskFailedEventAttributes()
                        ? "(" + e.getWorkflowTaskFailedEventAttributes().getFailure().getMessage() + ")" : "")
                        + (e.hasActivityTaskFailedEventAttributes()
                        ? "(" + e.getActivityTaskFailedEventAttributes().getFailure().getMessage() + ")" : ""))
                .collect(Collectors.joining(", "));
        var described = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(id))
                        .build());
        String pending = described.getPendingActivitiesList().stream()
                .map(a -> a.getActivityType().getName() + " " + a.getState() + " attempt " + a.getAttempt()
                        + (a.hasLastFailure() ? " last failure: " + a.getLastFailure().getMessage() : ""))
                .collect(Collectors.joining("; "));
        return history.size() + " events, last: " + tail + "; pending activities: " + pending
                + "; pending workflow task: " + described.hasPendingWorkflowTask();
    }

    private static void awaitMarket(LocalTime time) throws InterruptedException {
        Instant target = session.atTime(time).atZone(KrxCalendar.KST).toInstant();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (marketClock.instant().isBefore(target)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the simulated session did not reach " + time + " KST");
            }
            Thread.sleep(50);
        }
    }
}
