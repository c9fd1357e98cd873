package com.aegis.benchmarks;

import com.aegis.core.krx.PriceLimits;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.AccountId;
import com.aegis.marketsim.exchange.ClientOrderKey;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeEvent;
import com.aegis.marketsim.exchange.ExchangeEventBus;
import com.aegis.marketsim.exchange.ExchangeOrderId;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.FillCharging;
import com.aegis.marketsim.exchange.InstrumentDay;
import com.aegis.marketsim.exchange.MatchingEngine;
import com.aegis.marketsim.exchange.NewOrder;
import com.aegis.marketsim.exchange.OrderAccepted;
import com.aegis.marketsim.exchange.OrderNumbering;
import com.aegis.marketsim.exchange.OrderResponse;
import com.aegis.marketsim.exchange.SimulatorSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulated exchange's hot path: one stock's matching engine taking a random stream of limit orders around the
 * mid (about half of them marketable) and cancels, on one thread. As JMH ({@code orderFlow}) and, via {@link #main},
 * as a one-shot harness that also measures the message rate of a full simulated day of crowd flow.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingEngineBenchmark {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Symbol SYMBOL = Symbol.of("005930");
    private static final AccountId ACCOUNT = new AccountId("BENCH");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Whether a listener consumes the events (book pictures are only built when someone listens). */
    @Param({"false", "true"})
    public boolean listening;

    private OrderFlow flow;

    @Setup(Level.Iteration)
    public void setUp() {
        flow = new OrderFlow(listening, 7);
    }

    @Benchmark
    public Object orderFlow() {
        return flow.next();
    }

    /** A continuous-trading engine (VI off, so a random walk never parks it in an auction) and a seeded flow. */
    static final class OrderFlow {
        final MatchingEngine engine;
        final SplittableRandom rng;
        final List<ExchangeOrderId> open = new ArrayList<>();
        long events;
        long keys;

        OrderFlow(boolean listening, long seed) {
            Instant start = ZonedDateTime.of(DAY, LocalTime.of(8, 30), KST).toInstant();
            SimulationClock clock = SimulationClock.stepped(start);
            ExchangeEventBus bus = new ExchangeEventBus();
            if (listening) {
                bus.addListener(e -> events++);
            }
            engine = new MatchingEngine(new InstrumentDay(SYMBOL, Market.KOSPI, true, DAY,
                    PriceLimits.of(Market.KOSPI, DAY, 10_000)), clock, bus, new OrderNumbering(), FillCharging.NONE,
                    false);
            engine.startPreOpenAuction();
            clock.advanceTo(start.plusSeconds(1800));
            engine.openContinuousTrading();
            rng = new SplittableRandom(seed);
        }

        Object next() {
            // one command in five is a cancel, more once 10,000 orders are tracked, so the book reaches a steady size
            if (!open.isEmpty() && (rng.nextInt(5) == 0 || open.size() >= 10_000)) {
                int i = rng.nextInt(open.size());
                ExchangeOrderId id = open.get(i);
                open.set(i, open.get(open.size() - 1));
                open.remove(open.size() - 1);
                return engine.cancel(id);
            }
            Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
            long price = 10_000 + 10L * (rng.nextInt(21) - 10);
            OrderResponse r = engine.submit(NewOrder.limit(new ClientOrderKey("B" + (++keys)), ACCOUNT, SYMBOL, side,
                    price, 1 + rng.nextInt(100)), false);
            if (r instanceof OrderAccepted a) {
                open.add(a.orderId());
            }
            return r;
        }
    }

    /** One-shot figures: {@code java -cp ... com.aegis.benchmarks.MatchingEngineBenchmark [orders] [stocks]}. */
    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int stocks = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf("machine: %s %s, %d cores, JDK %s%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (boolean listening : new boolean[] {false, true}) {
            OrderFlow warm = new OrderFlow(listening, 1);
            for (int i = 0; i < orders / 4; i++) {
                warm.next();
            }
            OrderFlow flow = new OrderFlow(listening, 7);
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < orders; i++) {
                flow.next();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("matching engine, listener %-5s: %,d commands in %.2f s wall / %.2f s CPU = %,.0f "
                            + "commands/s wall, %,.0f per CPU-second; %,d events; volume %,d; resting orders %,d%n",
                    listening, orders, seconds, cpuSeconds, orders / seconds, orders / cpuSeconds, flow.events,
                    flow.engine.stats().volume(), flow.engine.orderBook().openOrderCount());
        }
        crowdDay(stocks);
    }

    private static void crowdDay(int stocks) {
        Instant start = ZonedDateTime.of(DAY, LocalTime.of(8, 0), KST).toInstant();
        ExchangeSimulator sim = new ExchangeSimulator(SimulationClock.stepped(start), SimulatorSettings.standard(42));
        Map<String, Long> byType = new TreeMap<>();
        long[] perMinute = new long[24 * 60];
        sim.addListener((ExchangeEvent e) -> {
            byType.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            perMinute[e.time().atZone(KST).toLocalTime().toSecondOfDay() / 60]++;
        });
        List<DayPlan> plans = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < stocks; i++) {
            long base = 1_000L * (5 + rng.nextInt(60));
            long high = base * 103 / 100 / 100 * 100;
            long low = base * 98 / 100 / 100 * 100;
            long close = base * 101 / 100 / 100 * 100;
            plans.add(new DayPlan(Symbol.of(String.format("%06d", 100 + i)), i % 2 == 0 ? Market.KOSPI : Market.KOSDAQ,
                    i % 4 == 0, base, base, high, low, close, 200_000 + rng.nextInt(800_000), false));
        }
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        sim.openDay(DAY, plans);
        sim.runUntil(LocalTime.of(15, 31));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        long peak = 0;
        for (long m : perMinute) {
            peak = Math.max(peak, m);
        }
        double dayMinutes = 420;
        System.out.printf("crowd flow, %d stocks, one full day (08:30-15:30): %,d events simulated in %.2f s wall"
                        + " / %.2f s CPU = %,.0f events per CPU-second; average %,.0f events per simulated minute"
                        + " (%,.0f/s), peak minute %,d; the day runs x%.0f faster than real time%n", stocks, total,
                seconds, cpuSeconds, total / cpuSeconds, total / dayMinutes, total / dayMinutes / 60, peak,
                dayMinutes * 60 / seconds);
        System.out.println("events by type: " + byType);
        for (DayPlan plan : plans.subList(0, Math.min(4, plans.size()))) {
            var stats = sim.stats(plan.symbol()).orElseThrow();
            System.out.printf("  %s planned O/H/L/C %d/%d/%d/%d vol %,d -> traded %d/%d/%d/%d vol %,d%n",
                    plan.symbol(), plan.open(), plan.high(), plan.low(), plan.close(), plan.volume(), stats.open(),
                    stats.high(), stats.low(), stats.last(), stats.volume());
        }
    }
}
