package com.aegis.benchmarks;

import static com.aegis.benchmarks.HarnessSupport.deleteRecursively;
import static com.aegis.benchmarks.HarnessSupport.loadAverage;
import static com.aegis.benchmarks.HarnessSupport.seconds;

import com.aegis.activities.orders.AccountBook;
import com.aegis.activities.orders.OrderQueries;
import com.aegis.benchmarks.orders.AcceptancePath;
import com.aegis.benchmarks.orders.DayFigures;
import com.aegis.benchmarks.pipeline.Samples;
import com.aegis.benchmarks.orders.OrderPath;
import com.aegis.benchmarks.pipeline.EchoWorkflow;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.market.Side;
import com.aegis.core.signal.OrderTypePolicy;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.localstack.LocalStackConfig;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.services.SessionPlans;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.orders.OrderDecision;
import com.aegis.workflows.orders.OrderExecutionReport;
import com.aegis.workflows.orders.OrderLifecycleWorkflow;
import com.aegis.workflows.orders.OrderLifecycleWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The order path (P3, E3–E5) on the embedded local stack against the simulated KRX exchange, wired as the workers
 * wire it ({@link OrderPath}), in one run:
 * <ol>
 *   <li>signal to order accepted by the venue, one order at a time: from {@code WorkflowClient.start} of an
 *       {@link OrderLifecycleWorkflow} to the return of the accepted submit in the broker activity; baseline: an
 *       empty workflow's round trip on the same worker, interleaved with the orders;</li>
 *   <li>order workflows per second sustained: orders started as fast as the pre-trade check allows (one open order
 *       per stock and side), first start to last terminal result; baseline: the same orders one at a time, and the
 *       broker queue's and the KIS client's per-second limits;</li>
 *   <li>a simulated day: orders spread over the rest of the session, 80% LIMIT at the last price and 20% MARKET
 *       ({@link OrderTypePolicy#standard()}), buys and some sells of shares bought earlier; success rate, fill rate,
 *       acceptance to last fill in market time and the cost per trade, each against its M1/M3 target.</li>
 * </ol>
 *
 * <p>Every pre-trade check marks the whole book to market with the broker's quotes through the workers' cache
 * ({@code CachingLastPriceSource}: kept 5 s, concurrent misses of a stock share one call).
 *
 * <pre>benchmarks/run OrderExecutionHarness [sequential] [concurrent] [dayOrders] [speed] [seed]</pre>
 */
public final class OrderExecutionHarness {

    private static final int STOCKS = 50;
    private static final int WARMUP = 5;
    private static final long SMALL_ORDER_KRW = 100_000;
    private static final long DAY_ORDER_KRW = 500_000;
    private static final LocalTime LAST_DAY_ORDER = LocalTime.of(15, 0);
    private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(3);

    private final OrderPath path;
    private final List<DayPlan> plans;
    private long nextSignal = 1;

    private OrderExecutionHarness(OrderPath path, List<DayPlan> plans) {
        this.path = path;
        this.plans = plans;
    }

    public static void main(String[] args) throws Exception {
        int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int dayOrders = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        double speed = args.length > 3 ? Double.parseDouble(args[3]) : 60.0;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 20261130L;
        if (sequential < 1 || concurrent < 1 || dayOrders < 1 || !(speed > 0)) {
            throw new IllegalArgumentException("order counts must be positive and the speed above 0, got "
                    + sequential + ", " + concurrent + ", " + dayOrders + ", " + speed);
        }
        Runtime rt = Runtime.getRuntime();
        String account = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("machine: %d cores, Java %s (%s), max heap %d MiB, load average %s at start; simulated KRX"
                        + " session of %d intraday stocks (seed %d) at %.0fx real time; account %s; %d sequential,"
                        + " %d concurrent, %d day orders%n", rt.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() >> 20,
                loadAverage(), STOCKS, seed, speed, account, sequential, concurrent, dayOrders);

        Path data = Files.createTempDirectory("aegis-bench-orders-");
        long t0 = System.nanoTime();
        try (LocalStack stack = LocalStack.start(LocalStackConfig.ephemeral(data))) {
            Migrations.migrate(stack.dataSource());
            double stackSeconds = seconds(t0);
            long t1 = System.nanoTime();
            try (OrderPath path = OrderPath.start(stack, new OrderPath.Settings(seed, STOCKS, speed,
                    LocalTime.of(8, 59), account, data.resolve("kis-tokens")))) {
                System.out.printf("setup: stack up and migrated %.1f s; simulator, market loaded and order path"
                                + " wired %.1f s; session %s, market clock %s KST%n%n", stackSeconds, seconds(t1),
                        path.session(), path.marketTimeOfDay().withNano(0));
                path.awaitMarket(LocalTime.of(9, 0, 30));
                List<DayPlan> plans = SessionPlans.mostTraded(path.simulator().history(),
                        SessionPlans.lastSession(path.simulator().history()), STOCKS);
                OrderExecutionHarness harness = new OrderExecutionHarness(path, plans);
                double sequentialRate = harness.sequential(sequential);
                harness.concurrent(concurrent, sequentialRate);
                harness.day(dayOrders);
            }
        } finally {
            deleteRecursively(data);
        }
    }

    // ------------------------------------------------------------------------------------ 1. sequential orders

    /** Returns the sequential rate, orders per second (start to terminal, one at a time). */
    private double sequential(int count) throws Exception {
        System.out.printf("1. signal -> order accepted by the simulated venue, %d MARKET buys of about %,d KRW one at"
                + " a time over %d stocks (market clock %s KST)%n", count, SMALL_ORDER_KRW, STOCKS,
                path.marketTimeOfDay().withNano(0));
        for (int i = 0; i < WARMUP; i++) { // class loading, JIT, gRPC channels, the price cache: not counted
            echo("warm-up " + i);
            runOne(marketBuy(plans.get(i % plans.size())));
        }
        long quotesBefore = path.quoteCalls();
        Samples accept = new Samples();
        Samples terminal = new Samples();
        Samples echo = new Samples();
        Map<OrderStatus, Integer> statuses = new EnumMap<>(OrderStatus.class);
        List<String> ids = new ArrayList<>();
        double busyMillis = 0;
        for (int i = 0; i < count; i++) {
            long e = System.nanoTime();
            echo("round trip " + i);
            echo.add((System.nanoTime() - e) / 1e6);

            OrderDecision decision = marketBuy(plans.get(i % plans.size()));
            Timed run = runOne(decision);
            ids.add(decision.workflowId());
            statuses.merge(run.report().status(), 1, Integer::sum);
            if (run.acceptedMillis() >= 0) {
                accept.add(run.acceptedMillis());
            }
            terminal.add(run.terminalMillis());
            busyMillis += run.terminalMillis();
        }
        System.out.printf("   final statuses %s; accepted %d of %d; KIS quote calls by the pre-trade checks %d%n",
                statuses, accept.count(), count, path.quoteCalls() - quotesBefore);
        System.out.printf("   start -> accepted    p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  mean %6.1f ms%n",
                accept.p50(), accept.p99(), accept.max(), accept.mean());
        System.out.printf("   start -> terminal    p50 %6.1f ms  p99 %6.1f ms  (fills arrive through the WebSocket"
                + " notice, Kafka and the fill router)%n", terminal.p50(), terminal.p99());
        System.out.printf("   baseline: empty workflow round trip on the same worker (aegis-orders), interleaved:"
                + " p50 %5.1f ms  p99 %5.1f ms -> accepted = %.1fx (p50), %.1fx (p99) an empty round trip%n",
                echo.p50(), echo.p99(), accept.p50() / echo.p50(), accept.p99() / echo.p99());
        AcceptancePath steps = AcceptancePath.of(path.client(), ids, "BrokerSubmitOrder");
        StringBuilder line = new StringBuilder();
        steps.meanMillis().forEach((step, ms) -> line.append(line.length() == 0 ? "" : ", ")
                .append(step).append(' ').append(String.format("%.1f", ms)));
        System.out.printf("   where it goes, mean ms per order from the %d Temporal histories: %s%n%n", steps.orders(),
                line);
        return count / (busyMillis / 1e3);
    }

    private record Timed(OrderExecutionReport report, double acceptedMillis, double terminalMillis) {
    }

    private Timed runOne(OrderDecision decision) throws Exception {
        String id = decision.workflowId();
        CompletableFuture<Long> accepted = path.broker().acceptance(OrderLifecycleWorkflowImpl.brokerOrderKey(id, 1));
        long start = System.nanoTime();
        WorkflowClient.start(path.client().newWorkflowStub(OrderLifecycleWorkflow.class,
                OrderLifecycleWorkflow.options(decision))::run, decision);
        OrderExecutionReport report = path.client().newUntypedWorkflowStub(id)
                .getResult(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS, OrderExecutionReport.class);
        long end = System.nanoTime();
        double acceptedMillis = accepted.isDone() ? (accepted.get() - start) / 1e6 : -1;
        return new Timed(report, acceptedMillis, (end - start) / 1e6);
    }

    private OrderDecision marketBuy(DayPlan plan) {
        long price = path.kis().inquirePrice(plan.symbol()).price();
        return OrderDecision.market(path.session(), path.account(), plan.symbol().code(), plan.market(), Side.BUY,
                Math.max(1, SMALL_ORDER_KRW / price), price, nextSignal++, path.marketNow());
    }

    private String echo(String input) {
        EchoWorkflow workflow = path.client().newWorkflowStub(EchoWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORDERS)
                .setWorkflowId("benchmark-echo-" + UUID.randomUUID())
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .build());
        String out = workflow.echo(input);
        if (!out.equals(input)) {
            throw new IllegalStateException("the empty workflow returned '" + out + "'");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ 2. concurrent orders

    private void concurrent(int count, double sequentialRate) throws Exception {
        Map<String, Long> held = AccountBook.shares(path.db(), path.account());
        // One chain of orders per stock and side: the next starts when the previous is terminal, so at most one
        // order per stock and side is open (the pre-trade check denies a second one).
        List<List<OrderDecision>> slots = new ArrayList<>();
        List<long[]> prices = new ArrayList<>();
        for (DayPlan plan : plans) {
            prices.add(new long[] {path.kis().inquirePrice(plan.symbol()).price()});
        }
        int buySlots = plans.size();
        int perSlot = (int) Math.ceil(count / (double) (2 * plans.size()));
        List<Integer> sellable = new ArrayList<>();
        for (int s = 0; s < plans.size(); s++) {
            if (held.getOrDefault(plans.get(s).symbol().code(), 0L) >= perSlot) {
                sellable.add(s);
            }
        }
        int slotCount = buySlots + sellable.size();
        for (int k = 0; k < slotCount; k++) {
            slots.add(new ArrayList<>());
        }
        Instant decidedAt = path.marketNow();
        for (int n = 0; n < count; n++) {
            int k = n % slotCount;
            boolean buy = k < buySlots;
            int stock = buy ? k : sellable.get(k - buySlots);
            DayPlan plan = plans.get(stock);
            long price = prices.get(stock)[0];
            slots.get(k).add(OrderDecision.market(path.session(), path.account(), plan.symbol().code(),
                    plan.market(), buy ? Side.BUY : Side.SELL, buy ? Math.max(1, SMALL_ORDER_KRW / price) : 1, price,
                    nextSignal++, decidedAt));
        }
        System.out.printf("2. order workflows per second sustained: %d MARKET orders (%d buy chains, %d sell chains"
                        + " of 1 share) started as fast as one open order per stock and side allows (market clock %s"
                        + " KST)%n", count, buySlots, sellable.size(), path.marketTimeOfDay().withNano(0));

        long quotesBefore = path.quoteCalls();
        ExecutorService starter = Executors.newFixedThreadPool(4);
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        Map<String, Long> endedAt = new ConcurrentHashMap<>();
        Map<String, OrderExecutionReport> reports = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Long>> accepted = new ConcurrentHashMap<>();
        long first = System.nanoTime();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        try {
            for (List<OrderDecision> slot : slots) {
                CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                for (OrderDecision d : slot) {
                    chain = chain.thenComposeAsync(v -> {
                        String id = d.workflowId();
                        accepted.put(id, path.broker().acceptance(OrderLifecycleWorkflowImpl.brokerOrderKey(id, 1)));
                        startedAt.put(id, System.nanoTime());
                        WorkflowClient.start(path.client().newWorkflowStub(OrderLifecycleWorkflow.class,
                                OrderLifecycleWorkflow.options(d))::run, d);
                        return path.client().newUntypedWorkflowStub(id)
                                .getResultAsync(OrderExecutionReport.class)
                                .thenAccept(r -> {
                                    endedAt.put(id, System.nanoTime());
                                    reports.put(id, r);
                                });
                    }, starter);
                }
                chains.add(chain);
            }
            CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new))
                    .get(RESULT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the concurrent orders are not all terminal after "
                    + RESULT_TIMEOUT.multipliedBy(2) + ": " + reports.size() + " of " + count, e);
        } finally {
            starter.shutdownNow();
        }
        long firstStart = startedAt.values().stream().mapToLong(Long::longValue).min().orElse(first);
        long lastEnd = endedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double wall = (lastEnd - firstStart) / 1e9;
        Map<OrderStatus, Integer> statuses = new EnumMap<>(OrderStatus.class);
        reports.values().forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        Samples underLoad = new Samples();
        accepted.forEach((id, f) -> {
            if (f.isDone()) {
                underLoad.add((f.join() - startedAt.get(id)) / 1e6);
            }
        });
        List<Long> calls = path.broker().callStarts().stream().filter(t -> t >= firstStart && t <= lastEnd)
                .toList();
        System.out.printf("   %d orders terminal in %.2f s (first start to last result) = %.1f orders/s; final"
                + " statuses %s%n", reports.size(), wall, reports.size() / wall, statuses);
        System.out.printf("   start -> accepted under this load: p50 %.0f ms, p99 %.0f ms (%d accepted)%n",
                underLoad.count() == 0 ? Double.NaN : underLoad.p50(),
                underLoad.count() == 0 ? Double.NaN : underLoad.p99(), underLoad.count());
        long quoteCalls = path.quoteCalls() - quotesBefore;
        System.out.printf("   broker activities: %d calls = %.1f/s on average, at most %d in any 1 s window; KIS quote"
                        + " calls by the pre-trade checks %d = %.1f/s; limits in effect: aegis-broker"
                        + " max-task-queue-activities-per-second %.0f (as the workers; the embedded Temporal server"
                        + " may not enforce it), KIS client %d calls/s per account for orders and quotes together%n",
                calls.size(), calls.size() / wall, maxInWindow(calls, 1_000_000_000L), quoteCalls, quoteCalls / wall,
                OrderPath.BROKER_QUEUE_RATE, path.kis().environment().defaultCallsPerSecond());
        System.out.printf("   baseline: the same path one order at a time (figure 1, start to terminal) %.1f orders/s"
                + " -> concurrency gives %.1fx%n%n", sequentialRate, reports.size() / wall / sequentialRate);
    }

    private static int maxInWindow(List<Long> sortedNanos, long window) {
        int best = 0;
        int from = 0;
        for (int to = 0; to < sortedNanos.size(); to++) {
            while (sortedNanos.get(to) - sortedNanos.get(from) >= window) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    // ------------------------------------------------------------------------------------ 3. simulated day

    private void day(int count) throws Exception {
        OrderTypePolicy policy = OrderTypePolicy.standard();
        Instant begin = path.marketNow().plus(Duration.ofMinutes(1));
        Instant end = path.session().atTime(LAST_DAY_ORDER).atZone(KrxCalendar.KST).toInstant();
        if (!begin.isBefore(end)) {
            throw new IllegalStateException("the session is at " + path.marketTimeOfDay()
                    + " KST already: no time left for the simulated day; lower the speed or the order counts");
        }
        Duration step = Duration.between(begin, end).dividedBy(count);
        System.out.printf("3. a simulated day: %d orders of about %,d KRW from %s to %s KST (one every %d s of market"
                        + " time), %d%% MARKET by OrderTypePolicy.standard(), the rest LIMIT at the last price; buys,"
                        + " and sells of shares bought earlier in the day%n", count, DAY_ORDER_KRW,
                LocalTime.ofInstant(begin, KrxCalendar.KST).withNano(0), LAST_DAY_ORDER, step.toSeconds(),
                policy.marketPercent());
        long t0 = System.nanoTime();
        long quotesBefore = path.quoteCalls();
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<OrderExecutionReport>> results = new ArrayList<>();
        Map<Integer, String> buyOf = new ConcurrentHashMap<>();
        int sells = 0;
        for (int n = 0; n < count; n++) {
            Instant at = begin.plus(step.multipliedBy(n));
            path.awaitMarket(LocalTime.ofInstant(at, KrxCalendar.KST));
            int stock = n % plans.size();
            DayPlan plan = plans.get(stock);
            long price = path.kis().inquirePrice(plan.symbol()).price();
            OrderType type = policy.typeFor(n);
            Side side = Side.BUY;
            long quantity = Math.max(1, DAY_ORDER_KRW / price);
            String earlier = buyOf.get(stock);
            if (n >= plans.size() && n % 4 == 0 && earlier != null) {
                long bought = new OrderQueries(path.db()).reportOf(earlier).map(r -> r.filledQuantity()).orElse(0L);
                long holding = AccountBook.shares(path.db(), path.account()).getOrDefault(plan.symbol().code(), 0L);
                if (Math.min(bought, holding) > 0) {
                    side = Side.SELL;
                    quantity = Math.min(bought, holding);
                    sells++;
                }
            }
            Instant now = path.marketNow();
            OrderDecision decision = type == OrderType.MARKET
                    ? OrderDecision.market(path.session(), path.account(), plan.symbol().code(), plan.market(), side,
                            quantity, price, nextSignal++, now)
                    : OrderDecision.limit(path.session(), path.account(), plan.symbol().code(), plan.market(), side,
                            quantity, price, price, nextSignal++, now);
            if (side == Side.BUY && !buyOf.containsKey(stock)) {
                buyOf.put(stock, decision.workflowId());
            }
            WorkflowClient.start(path.client().newWorkflowStub(OrderLifecycleWorkflow.class,
                    OrderLifecycleWorkflow.options(decision))::run, decision);
            ids.add(decision.workflowId());
            results.add(path.client().newUntypedWorkflowStub(decision.workflowId())
                    .getResultAsync(OrderExecutionReport.class));
        }
        try {
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                    .get(RESULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            long done = results.stream().filter(CompletableFuture::isDone).count();
            throw new IllegalStateException("the day's orders are not all terminal " + RESULT_TIMEOUT
                    + " after the last start: " + done + " of " + count, e);
        }
        double realSeconds = seconds(t0);
        DayFigures f = DayFigures.of(new OrderQueries(path.db()), ids,
                path.kis().dailyOrders(path.session(), path.session()), path.session());
        System.out.printf("   %d orders (%d sells) all terminal at %s KST after %.0f s of wall time; final statuses"
                        + " %s%s; KIS quote calls by the checks and reviews %d%n", f.orders(), sells,
                path.marketTimeOfDay().withNano(0), realSeconds, f.statuses(),
                f.denials().isEmpty() ? "" : "; denied by the pre-trade check: " + f.denials(),
                path.quoteCalls() - quotesBefore);
        System.out.printf("   %-58s %10s   %s%n", "figure (from execution_report, orders, order_event)", "measured",
                "target");
        System.out.printf("   %-58s %9.1f%%   M1 >= 98%% %s%n", "order success rate: accepted " + f.accepted()
                + " / submitted " + f.submitted(), f.successRate() * 100, verdict(f.successRate() >= 0.98));
        System.out.printf("   %-58s %9.1f%%   M1 >= 95%% %s%n", "fill rate: filled " + f.filledShares() + " / ordered "
                + f.orderedShares() + " shares", f.fillRate() * 100, verdict(f.fillRate() >= 0.95));
        System.out.printf("   %-58s %8.1f s   M1 < 30 s %s%n", "acceptance at the venue -> last fill, market time, mean",
                f.meanFillSeconds(), verdict(f.meanFillSeconds() < 30));
        System.out.printf("   %-58s %8.1f s   MARKET %.1f s over %d filled, LIMIT %.1f s over %d%n",
                "  by order type; mean from the workflow's ORDER_ACCEPTED event", f.meanEventFillSeconds(),
                f.meanFillSeconds(OrderType.MARKET), f.filledOrders(OrderType.MARKET),
                f.meanFillSeconds(OrderType.LIMIT), f.filledOrders(OrderType.LIMIT));
        System.out.printf("   %-58s %9.3f%%   M3 <= 0.15%% %s%n", "cost per trade (commission + tax + |slippage|) /"
                + " notional, mean", f.meanCostRatio() * 100, verdict(f.meanCostRatio() <= 0.0015));
        System.out.printf("   %-58s %9.3f%%   (commission %,d + tax %,d + |slippage| %,d KRW on %,d KRW)%n",
                "  value-weighted over all trades", f.aggregateCostRatio() * 100, f.commission(), f.tax(),
                f.absSlippage(), f.filledValue());
        System.out.printf("   market time runs %.0fx real time here: real delays on the fill path (WebSocket ->"
                + " Kafka -> router -> workflow) count %.0f times over in market time; venue order times have 1 s"
                + " resolution%n", path.speed(), path.speed());
        if (!f.unfilled().isEmpty()) {
            System.out.printf("   orders not completely filled, by close reason: %s%n", f.unfilled());
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
