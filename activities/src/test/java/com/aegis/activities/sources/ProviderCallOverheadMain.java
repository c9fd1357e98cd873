package com.aegis.activities.sources;

import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.providers.KrxDataSimulator;
import com.aegis.marketsim.providers.YahooChartSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures, once and on demand (not a test): REST calls per second one simulator serves to concurrent callers, and
 * the adapter's cost per call (p50/p99) against a bare HttpClient call of the same URL in the same run.
 * Run: see the module's report; arguments: [calls per latency series, default 2000] [seconds of load, default 5].
 */
public final class ProviderCallOverheadMain {

    /** A lost request (see the report) costs this much instead of hanging the run; such calls are counted. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    private static int timedOut;

    private ProviderCallOverheadMain() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int loadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LocalDate day = SimulatedProviders.lastDay();
        Instant now = SimulatedProviders.kst(day, 18);
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; market: 50 stocks x 1 year; no faults%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        try (YahooChartSimulator yahooSim = YahooChartSimulator.start(SimulatedProviders.data(), FaultPlan.none(),
                () -> now, 0);
             KrxDataSimulator krxSim = KrxDataSimulator.start(SimulatedProviders.data(), FaultPlan.none(),
                     () -> now, 0, 4)) {
            LocalDate from = day.minusDays(30);
            long p1 = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            long p2 = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            URI chartUri = yahooSim.baseUri().resolve("/v8/finance/chart/%5EGSPC?period1=" + p1 + "&period2=" + p2
                    + "&interval=1d&events=history");
            HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest bareRequest = HttpRequest.newBuilder(chartUri).timeout(CALL_TIMEOUT).GET().build();
            YahooChartClient yahoo = new YahooChartClient(new ProviderSettings(yahooSim.baseUri(),
                    CALL_TIMEOUT, CALL_TIMEOUT, new RetryPolicy(0, Duration.ZERO, Duration.ZERO)), Sleeper.REAL);
            String krxForm = "bld=dbms%2FMDC%2FSTAT%2Fstandard%2FMDCSTAT01501&mktId=ALL&trdDd="
                    + day.toString().replace("-", "") + "&share=1&money=1&csvxls_isNo=false";
            HttpRequest bareKrx = HttpRequest.newBuilder(krxSim.baseUri().resolve("/comm/bldAttendant/getJsonData.cmd"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(CALL_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(krxForm)).build();
            KrxDataClient krx = new KrxDataClient(new ProviderSettings(krxSim.baseUri(), CALL_TIMEOUT,
                    CALL_TIMEOUT, new RetryPolicy(0, Duration.ZERO, Duration.ZERO)), Sleeper.REAL);

            for (int warm = 0; warm < 2; warm++) {
                series(calls / 2, () -> bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray()));
                series(calls / 2, () -> yahoo.dailyChart("^GSPC", from, day));
                series(calls / 2, () -> bare.send(bareKrx, HttpResponse.BodyHandlers.ofByteArray()));
                series(calls / 2, () -> krx.dailyPrices(day));
            }
            report("Yahoo chart ^GSPC 1 month", series(calls, () -> bare.send(bareRequest,
                    HttpResponse.BodyHandlers.ofByteArray())), series(calls, () -> yahoo.dailyChart("^GSPC", from,
                    day)));
            report("KRX MDCSTAT01501 50 stocks", series(calls, () -> bare.send(bareKrx,
                    HttpResponse.BodyHandlers.ofByteArray())), series(calls, () -> krx.dailyPrices(day)));

            int callers = 8;
            long before = yahooSim.requestsServed();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long start = System.nanoTime();
            for (int i = 0; i < callers; i++) {
                pool.submit(() -> {
                    HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    while (!stop.get()) {
                        try {
                            c.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray());
                        } catch (java.net.http.HttpTimeoutException e) {
                            synchronized (ProviderCallOverheadMain.class) {
                                timedOut++;
                            }
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(loadSeconds * 1000L);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "Yahoo chart simulator (4 server threads), %d concurrent callers, %.1f s:"
                    + " %.0f calls/s served%n", callers, seconds, (yahooSim.requestsServed() - before) / seconds);
            System.out.printf(Locale.ROOT, "calls without an answer within %d s over the whole run: %d%n",
                    CALL_TIMEOUT.toSeconds(), timedOut);
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static long[] series(int n, Call call) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            try {
                call.run();
            } catch (java.net.http.HttpTimeoutException | SourceUnavailableException e) {
                timedOut++;
            }
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String what, long[] bare, long[] adapter) {
        long b50 = bare[bare.length / 2];
        long b99 = bare[(int) (bare.length * 0.99)];
        long a50 = adapter[adapter.length / 2];
        long a99 = adapter[(int) (adapter.length * 0.99)];
        System.out.printf(Locale.ROOT, "%s, %d calls each: bare HttpClient p50 %d us p99 %d us; adapter p50 %d us"
                + " p99 %d us; ratio p50 %.2f p99 %.2f; adapter overhead p50 %d us%n", what, bare.length, b50, b99,
                a50, a99, (double) a50 / b50, (double) a99 / b99, a50 - b50);
    }
}
