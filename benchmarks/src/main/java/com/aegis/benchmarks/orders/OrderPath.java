package com.aegis.benchmarks.orders;

import com.aegis.activities.broker.KisBrokerActivities;
import com.aegis.activities.fills.CumulativeFillCounter;
import com.aegis.activities.fills.FillBridgeSettings;
import com.aegis.activities.fills.FillNoticeBridge;
import com.aegis.activities.fills.FillQuarantine;
import com.aegis.activities.fills.FillRouterSettings;
import com.aegis.activities.fills.FillSignalConsumer;
import com.aegis.activities.fills.LedgerWorkflowIdLookup;
import com.aegis.activities.kis.rest.KisCredentials;
import com.aegis.activities.kis.rest.KisEnvironment;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.kis.ws.KisRealtimeClient;
import com.aegis.activities.kis.ws.KisRealtimeSettings;
import com.aegis.activities.kis.ws.KisRealtimeTr;
import com.aegis.activities.orders.AccountBook;
import com.aegis.activities.orders.OrderStoreActivitiesImpl;
import com.aegis.activities.orders.check.CachingLastPriceSource;
import com.aegis.activities.orders.check.DailyBarLastPriceSource;
import com.aegis.activities.orders.check.FallbackLastPriceSource;
import com.aegis.activities.orders.check.KisQuoteLastPriceSource;
import com.aegis.activities.orders.check.LastPriceSource;
import com.aegis.activities.orders.check.OrderCheckActivitiesImpl;
import com.aegis.benchmarks.pipeline.EchoWorkflowImpl;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.risk.TradingState;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.orders.OrderLifecycleWorkflowImpl;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The order path of the workers, wired by hand on an embedded stack against the simulated KRX exchange: the
 * simulator's KIS REST and WebSocket services, the KIS client with its per-second limit, the pre-trade check on
 * cached last prices (the broker's quote, else the stored close), the order store, the fill-notice bridge to Kafka
 * and the fill router back to the workflows, and one Temporal worker polling {@code aegis-orders} (order workflows,
 * checks, store, and the empty baseline workflow) and {@code aegis-broker} (the broker calls, through
 * {@link TimedBrokerActivities}, at the workers' queue rate limit).
 */
public final class OrderPath implements AutoCloseable {

    /** The workers' {@code max-task-queue-activities-per-second} on {@code aegis-broker}. */
    public static final double BROKER_QUEUE_RATE = 15.0;

    /**
     * @param seed           the simulated market's seed
     * @param intradayStocks stocks the exchange trades in the session
     * @param speed          the exchange clock's speed (1 = real time)
     * @param clockStart     KST time at which the session clock starts
     * @param account        the trading account label (unique per run)
     * @param tokenDirectory where the KIS client keeps its access token
     */
    public record Settings(long seed, int intradayStocks, double speed, LocalTime clockStart, String account,
            Path tokenDirectory) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Settings settings;
    private SimulatedProviders sim;
    private DSLContext db;
    private WorkflowServiceStubs service;
    private WorkflowClient client;
    private KisRestClient kis;
    private Clock marketClock;
    private TimedBrokerActivities broker;
    private CountingLastPriceSource quotes;
    private WorkerFactory factory;

    private OrderPath(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts the simulated providers (their session clock starts running now), loads the generated market into the
     * stack's PostgreSQL, opens the account with the simulator's starting cash and starts the worker.
     */
    public static OrderPath start(LocalStack stack, Settings settings) throws Exception {
        OrderPath path = new OrderPath(settings);
        try {
            path.open(stack);
            return path;
        } catch (Exception | Error e) {
            path.close();
            throw e;
        }
    }

    private void open(LocalStack stack) throws Exception {
        db = DSL.using(stack.dataSource(), SQLDialect.POSTGRES);
        sim = SimulatedProviders.start(SimulatedProviders.Settings.localDefaults()
                .withMarket(settings.seed(), 120, 1, settings.intradayStocks(), settings.speed())
                .withPorts(0, 0, 0, 0, 0)
                .withClockStart(settings.clockStart()));
        resources.add(sim);
        marketClock = sim.clock().asClock();
        PostgresHistoryLoader.load(sim.history(), stack.dataSource(), ProgressListener.NONE);

        SimulatedProviders.Settings s = sim.settings();
        KisEnvironment environment = KisEnvironment.live().withBaseUri(URI.create(service(SimulatedProviders.KIS_REST)));
        kis = KisRestClient.standard(environment, KisCredentials.of(s.kisAppKey(), s.kisAppSecret(),
                s.kisAccountNumber(), "01"), settings.tokenDirectory());

        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(stack.temporalTarget()).build());
        resources.add(() -> {
            service.shutdownNow();
            service.awaitTermination(10, TimeUnit.SECONDS);
        });
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setNamespace(stack.temporalNamespace()).build());

        AccountBook.deposit(db, settings.account(), s.startingCash(), "opening-" + settings.account(), sim.session(),
                marketClock.instant());

        RedisClient redisClient = RedisClient.create(stack.redisUri());
        resources.add(redisClient::shutdown);
        StatefulRedisConnection<String, String> redis = redisClient.connect();
        resources.add(redis);
        Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        resources.add(producer);
        FillQuarantine quarantine = new FillQuarantine(db, Clock.systemUTC());
        KisRealtimeClient realtime = new KisRealtimeClient(
                KisRealtimeSettings.defaults(URI.create(service(SimulatedProviders.KIS_WS))), kis::approvalKey);
        FillBridgeSettings bridgeSettings = FillBridgeSettings.defaults("aegis", KisRealtimeTr.FILL_NOTICE_LIVE);
        FillNoticeBridge bridge = new FillNoticeBridge(realtime, bridgeSettings,
                new CumulativeFillCounter(redis, bridgeSettings.cumulativeTtl()), producer, quarantine, marketClock,
                null);
        bridge.start();
        resources.add(bridge);
        String group = "bench-router-" + settings.account();
        FillRouterSettings routerSettings = FillRouterSettings.defaults().withGroupId(group);
        FillSignalConsumer router = new FillSignalConsumer(FillSignalConsumer.kafkaConsumers(
                stack.kafkaBootstrapServers(), group, routerSettings), routerSettings, new LedgerWorkflowIdLookup(db),
                client, quarantine, Clock.systemUTC(), null);
        router.start();
        resources.add(router);

        startWorker();
    }

    /** Order workflows, checks, store and the empty workflow on aegis-orders; broker calls on aegis-broker. */
    private void startWorker() {
        // As the workers do on the embedded server: no sticky queue.
        WorkerOptions options = WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build();
        factory = WorkerFactory.newInstance(client);
        Worker orders = factory.newWorker(TaskQueues.ORDERS, options);
        orders.registerWorkflowImplementationTypes(OrderLifecycleWorkflowImpl.class, EchoWorkflowImpl.class);
        // As the workers: the broker's quote, else the stored close, kept 5 s.
        quotes = new CountingLastPriceSource(new KisQuoteLastPriceSource(kis));
        LastPriceSource quoteOrClose = new FallbackLastPriceSource(quotes, new DailyBarLastPriceSource(db));
        LastPriceSource prices = new CachingLastPriceSource(quoteOrClose, Duration.ofSeconds(5));
        orders.registerActivitiesImplementations(
                new OrderCheckActivitiesImpl(db, prices, () -> TradingState.ACTIVE, RiskLimits.defaults(),
                        marketClock, settings.speed()),
                new OrderStoreActivitiesImpl(db, Clock.systemUTC()));
        broker = new TimedBrokerActivities(new KisBrokerActivities(kis, db, marketClock));
        factory.newWorker(TaskQueues.BROKER, WorkerOptions.newBuilder(options)
                        .setMaxTaskQueueActivitiesPerSecond(BROKER_QUEUE_RATE).build())
                .registerActivitiesImplementations(broker);
        factory.start();
        resources.add(() -> {
            factory.shutdownNow();
            factory.awaitTermination(10, TimeUnit.SECONDS);
        });
    }

    private String service(String name) {
        return sim.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().baseUrl();
    }

    public SimulatedProviders simulator() {
        return sim;
    }

    public DSLContext db() {
        return db;
    }

    public WorkflowClient client() {
        return client;
    }

    public KisRestClient kis() {
        return kis;
    }

    public TimedBrokerActivities broker() {
        return broker;
    }

    /** KIS quote calls made by the pre-trade checks so far. */
    public long quoteCalls() {
        return quotes.calls();
    }

    public String account() {
        return settings.account();
    }

    public double speed() {
        return settings.speed();
    }

    public LocalDate session() {
        return sim.session();
    }

    /** The exchange's clock. */
    public Instant marketNow() {
        return marketClock.instant();
    }

    /** The exchange's time of day, KST. */
    public LocalTime marketTimeOfDay() {
        return LocalTime.ofInstant(marketNow(), KrxCalendar.KST);
    }

    /** Blocks until the exchange's clock reads {@code time} KST on the session day. */
    public void awaitMarket(LocalTime time) throws InterruptedException {
        Instant target = session().atTime(time).atZone(KrxCalendar.KST).toInstant();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (marketNow().isBefore(target)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the simulated session did not reach " + time + " KST");
            }
            long realMillis = (long) (Duration.between(marketNow(), target).toMillis() / settings.speed());
            Thread.sleep(Math.max(1, Math.min(20, realMillis)));
        }
    }

    /** Stops the worker, the fill path and the simulator, last started first. */
    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("closing " + resources.get(i) + " failed: " + e);
            }
        }
        resources.clear();
    }
}
