package com.aegis.activities.kis.ws;

import com.aegis.marketsim.kis.ws.RealtimeTrade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures trade ticks per second from the simulated KIS WebSocket to {@link KisRealtimeClient}'s listeners over
 * localhost: 20 symbols registered, ticks published as fast as the simulator accepts them, one record per frame and
 * then ten records per frame. Run on demand (not a test):
 * {@code java -cp <test classpath> com.aegis.activities.kis.ws.KisRealtimeThroughput [ticks]}.
 */
public final class KisRealtimeThroughput {

    private KisRealtimeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.printf("machine: %d cores, %s %s, JDK %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        try (SimulatedKisRealtime kis = new SimulatedKisRealtime()) {
            KisRealtimeClient client = kis.client();
            try {
                client.addTradeListener(tick -> { });
                client.connect();
                List<String> symbols = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    symbols.add(String.format("%06d", 100 + i));
                    client.subscribe(KisRealtimeTr.TRADE_TICK, symbols.get(i));
                }
                await(() -> kis.server.registrationsOf(SimulatedKisRealtime.APP_KEY).size() == 20);
                run(kis, client, symbols, ticks / 10, 1, "warm-up");
                run(kis, client, symbols, ticks, 1, "1 record/frame");
                run(kis, client, symbols, ticks, 10, "10 records/frame");
                System.out.printf("malformed frames: %d, listener failures: %d%n", client.malformedFrames(),
                        client.listenerFailures());
            } finally {
                client.close();
            }
        }
    }

    private static void run(SimulatedKisRealtime kis, KisRealtimeClient client, List<String> symbols, int ticks,
                            int perFrame, String label) throws InterruptedException {
        RealtimeTrade[][] batches = new RealtimeTrade[symbols.size()][perFrame];
        for (int s = 0; s < symbols.size(); s++) {
            for (int r = 0; r < perFrame; r++) {
                batches[s][r] = SimulatedKisRealtime.trade(symbols.get(s), 70000 + r * 100L);
            }
        }
        long before = client.recordsDelivered();
        long target = before + (long) ticks / perFrame * perFrame;
        long start = System.nanoTime();
        for (int sent = 0, frame = 0; sent < ticks - perFrame + 1; sent += perFrame, frame++) {
            kis.feed.publishTrades(batches[frame % symbols.size()]);
        }
        long published = System.nanoTime();
        await(() -> client.recordsDelivered() >= target);
        long done = System.nanoTime();
        long delivered = client.recordsDelivered() - before;
        double seconds = (done - start) / 1e9;
        System.out.printf("%-17s %,d ticks in %.2f s (published in %.2f s): %,.0f ticks/s delivered to listeners%n",
                label, delivered, seconds, (published - start) / 1e9, delivered / seconds);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met within 120 s");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
