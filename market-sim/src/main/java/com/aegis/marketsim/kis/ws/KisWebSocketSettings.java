package com.aegis.marketsim.kis.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the simulated WebSocket behaves.
 *
 * @param port                 TCP port on 127.0.0.1; 0 picks a free one
 * @param pingInterval         how often the server sends a PINGPONG frame to each session
 * @param maxRegistrations     registrations one session may hold (KIS: 40)
 * @param maxUnansweredPings   consecutive unanswered PINGPONGs after which the server closes the session; 0 never
 * @param keySeed              seed of the per-subscription AES keys and IVs, so runs are reproducible
 * @param clock                the simulated time written into PINGPONG frames
 */
public record KisWebSocketSettings(int port, Duration pingInterval, int maxRegistrations, int maxUnansweredPings,
                                   long keySeed, Supplier<Instant> clock) {

    public static final int KIS_MAX_REGISTRATIONS = 40;

    public KisWebSocketSettings {
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive, got " + pingInterval);
        }
        if (maxRegistrations < 1) {
            throw new IllegalArgumentException("maxRegistrations must be at least 1, got " + maxRegistrations);
        }
        if (maxUnansweredPings < 0) {
            throw new IllegalArgumentException("maxUnansweredPings must be >= 0, got " + maxUnansweredPings);
        }
    }

    /** An ephemeral port, KIS's limits, a PINGPONG every 10 s, never closing for missed answers. */
    public static KisWebSocketSettings localDefaults(Supplier<Instant> clock) {
        return new KisWebSocketSettings(0, Duration.ofSeconds(10), KIS_MAX_REGISTRATIONS, 0, 20_260_124L, clock);
    }

    public KisWebSocketSettings withPort(int newPort) {
        return new KisWebSocketSettings(newPort, pingInterval, maxRegistrations, maxUnansweredPings, keySeed, clock);
    }

    public KisWebSocketSettings withPingInterval(Duration interval) {
        return new KisWebSocketSettings(port, interval, maxRegistrations, maxUnansweredPings, keySeed, clock);
    }

    public KisWebSocketSettings withMaxRegistrations(int max) {
        return new KisWebSocketSettings(port, pingInterval, max, maxUnansweredPings, keySeed, clock);
    }

    public KisWebSocketSettings withMaxUnansweredPings(int max) {
        return new KisWebSocketSettings(port, pingInterval, maxRegistrations, max, keySeed, clock);
    }
}
