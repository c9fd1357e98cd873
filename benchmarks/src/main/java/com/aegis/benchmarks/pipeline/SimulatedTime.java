package com.aegis.benchmarks.pipeline;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only when told: the wall clock ({@link #clock()}) and the monotonic ticker ({@link #ticker()})
 * of the in-process cache level advance together, so a simulated trading day passes in seconds.
 */
public final class SimulatedTime {

    private volatile Instant now;
    private volatile long nanos;

    public SimulatedTime(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public Instant now() {
        return now;
    }

    /** Moves to {@code instant}, which must not be earlier than the current time. */
    public void advanceTo(Instant instant) {
        Duration step = Duration.between(now, instant);
        if (step.isNegative()) {
            throw new IllegalArgumentException("simulated time cannot go back from " + now + " to " + instant);
        }
        nanos += step.toNanos();
        now = instant;
    }

    public Ticker ticker() {
        return () -> nanos;
    }

    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
