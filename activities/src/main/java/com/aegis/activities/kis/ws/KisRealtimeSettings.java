package com.aegis.activities.kis.ws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the real-time client connects.
 *
 * @param endpoint         the WebSocket URL, e.g. {@link #LIVE_ENDPOINT}, {@link #PAPER_ENDPOINT} or the simulator's
 * @param customerType     {@code custtype}: "P" individual/corporate customer, "B" affiliate
 * @param connectTimeout   how long one connection attempt may take
 * @param initialBackoff   the wait before the first reconnection attempt; doubled per failed attempt
 * @param maxBackoff       the longest wait between attempts
 * @param maxRegistrations the hard cap on registrations (KIS: 40 per session; lower it to share a session)
 * @param appKeyInUseRetries how many times "ALREADY IN USE appkey" (OPSP8996) is retried with backoff before the
 *                         session is given up as REFUSED; the server may still hold a just-dropped session briefly
 */
public record KisRealtimeSettings(URI endpoint, String customerType, Duration connectTimeout, Duration initialBackoff,
                                  Duration maxBackoff, int maxRegistrations, int appKeyInUseRetries) {

    public static final URI LIVE_ENDPOINT = URI.create("ws://ops.koreainvestment.com:21000/tryitout");
    public static final URI PAPER_ENDPOINT = URI.create("ws://ops.koreainvestment.com:31000/tryitout");
    public static final int KIS_MAX_REGISTRATIONS = 40;

    public KisRealtimeSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (!"ws".equals(endpoint.getScheme()) && !"wss".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the real-time endpoint must be a ws:// or wss:// URL, got " + endpoint);
        }
        if (!"P".equals(customerType) && !"B".equals(customerType)) {
            throw new IllegalArgumentException("custtype is P (customer) or B (affiliate), got " + customerType);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max, got " + initialBackoff
                    + " and " + maxBackoff);
        }
        if (maxRegistrations < 1 || maxRegistrations > KIS_MAX_REGISTRATIONS) {
            throw new IllegalArgumentException("maxRegistrations must be 1.." + KIS_MAX_REGISTRATIONS + ", got "
                    + maxRegistrations);
        }
        if (appKeyInUseRetries < 0) {
            throw new IllegalArgumentException("appKeyInUseRetries must be >= 0, got " + appKeyInUseRetries);
        }
    }

    /**
     * Customer type P, 5 s connect timeout, backoff 500 ms doubling to 30 s, 40 registrations, an app key in use
     * retried 3 times.
     */
    public static KisRealtimeSettings defaults(URI endpoint) {
        return new KisRealtimeSettings(endpoint, "P", Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(30), KIS_MAX_REGISTRATIONS, 3);
    }

    public KisRealtimeSettings withBackoff(Duration initial, Duration max) {
        return new KisRealtimeSettings(endpoint, customerType, connectTimeout, initial, max, maxRegistrations,
                appKeyInUseRetries);
    }

    public KisRealtimeSettings withAppKeyInUseRetries(int retries) {
        return new KisRealtimeSettings(endpoint, customerType, connectTimeout, initialBackoff, maxBackoff,
                maxRegistrations, retries);
    }

    /** The wait before reconnection attempt {@code attempt} (0-based): initial × 2^attempt, capped at max. */
    public Duration backoffBefore(int attempt) {
        long initialMs = initialBackoff.toMillis();
        long maxMs = maxBackoff.toMillis();
        int shift = Math.min(attempt, 30);
        long delay = initialMs << shift;
        return Duration.ofMillis(delay <= 0 || delay > maxMs ? maxMs : delay);
    }
}
