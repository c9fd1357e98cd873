package com.aegis.marketsim.providers;

import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultPlan;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated provider on localhost: parses each request, asks the fault plan what to do with it at the current
 * simulated time, and either answers (possibly late, stale or malformed), fails with the provider's own error, or
 * drops the connection as an outage would.
 */
public abstract class SimulatedHttpService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedHttpService.class);

    static {
        disableNagle();
    }

    /**
     * The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus delayed ACK add ~40 ms to
     * every answer. The property is read once when the JDK server classes load, so every simulated service calls this
     * before creating its first {@code HttpServer}.
     */
    public static void disableNagle() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** A parsed request: method, path below the server root, and query plus form parameters (first value wins). */
    public record Request(String method, String path, Map<String, String> params) {
        public String param(String name) {
            String v = params.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    /** One answer. */
    public record Response(int status, String contentType, byte[] body) {
        public static Response json(int status, String json) {
            return new Response(status, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Time the request is served as of: {@code now} normally, earlier for a stale answer.
     *
     * @param now   simulated time of the request
     * @param asOf  the moment whose data is served
     * @param stale true if the fault plan made this answer stale
     */
    public record ServingTime(Instant now, Instant asOf, boolean stale) {
    }

    private final String serviceName;
    private volatile FaultPlan faultPlan;
    private final Supplier<Instant> clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong requestSeq = new AtomicLong();
    private final AtomicLong served = new AtomicLong();

    /** Switches the service to another fault plan (e.g. an outage) while it runs; applies from the next request. */
    public void setFaultPlan(FaultPlan plan) {
        this.faultPlan = Objects.requireNonNull(plan, "plan");
    }

    public FaultPlan faultPlan() {
        return faultPlan;
    }

    protected SimulatedHttpService(String serviceName, FaultPlan faultPlan, Supplier<Instant> clock, int port,
                                   int threads) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.faultPlan = Objects.requireNonNull(faultPlan, "faultPlan");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threads < 1) {
            throw new IllegalArgumentException(serviceName + " simulator needs at least one thread, got " + threads);
        }
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the " + serviceName + " simulator to localhost port " + port
                    + " (use 0 for an ephemeral port): " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, serviceName + "-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    /** Starts serving; subclasses call it at the end of their constructor. */
    protected final void startServer() {
        server.start();
        log.info("{} simulator listening on {}", serviceName, baseUri());
    }

    /** http://127.0.0.1:port (no trailing slash). */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far, whatever their outcome. */
    public long requestsReceived() {
        return requestSeq.get();
    }

    /** Requests answered with a complete HTTP response (outages excluded). */
    public long requestsServed() {
        return served.get();
    }

    /** Name of the service in the fault plan, e.g. {@code krx}. */
    public String serviceName() {
        return serviceName;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Operation name the fault plan knows this request by. */
    protected abstract String operationOf(Request request);

    /** The normal answer, built from the data public at {@code time.asOf()}. */
    protected abstract Response answer(Request request, ServingTime time);

    /** The provider's own way of failing (HTTP 5xx or an error code in the body). */
    protected abstract Response serverError(Request request);

    private void exchange(HttpExchange ex) {
        try (ex) {
            Request request = parse(ex);
            long seq = requestSeq.getAndIncrement();
            Instant now = clock.get();
            FaultDecision decision = faultPlan.decide(serviceName, operationOf(request), now, seq);
            if (!decision.latency().isZero()) {
                Thread.sleep(decision.latency().toMillis(), decision.latency().toNanosPart() % 1_000_000);
            }
            Response response = switch (decision.outcome()) {
                case OUTAGE -> null;
                case ERROR -> serverError(request);
                case PROCEED -> answer(request, new ServingTime(now, now, false));
                case STALE -> answer(request, new ServingTime(now, now.minus(decision.staleBy()), true));
                case MALFORMED -> truncated(answer(request, new ServingTime(now, now, false)));
            };
            if (response == null) {
                // An outage: drop the connection without a status line, as a dead upstream does.
                return;
            }
            send(ex, response);
            served.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("{} simulator failed to answer {} {}: {}", serviceName, ex.getRequestMethod(),
                    ex.getRequestURI().getPath(), e.toString());
        }
    }

    private static Response truncated(Response r) {
        int keep = Math.max(1, r.body().length * 3 / 5);
        return new Response(r.status(), r.contentType(), Arrays.copyOf(r.body(), keep));
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    private static Request parse(HttpExchange ex) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        addForm(params, ex.getRequestURI().getRawQuery());
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (body.length > 0 && (contentType == null || contentType.startsWith("application/x-www-form-urlencoded"))) {
                addForm(params, new String(body, StandardCharsets.UTF_8));
            }
        }
        return new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), params);
    }

    private static void addForm(Map<String, String> params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(k, v);
        }
    }
}
