package com.aegis.workers.trading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The venue's clock the order workflows and the trading control follow: the system clock against a real exchange
 * (speed 1), the simulated exchange's clock in the local profile (its acceleration as the speed).
 *
 * @param clock the venue's time
 * @param speed venue seconds per real second
 */
public record MarketClock(Clock clock, double speed) {

    public MarketClock {
        Objects.requireNonNull(clock, "clock");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("market clock speed must be positive, got " + speed);
        }
    }

    public static MarketClock system() {
        return new MarketClock(Clock.systemUTC(), 1.0);
    }

    /** A clock reading {@code now} on every call, running at {@code speed}. */
    public static MarketClock of(Supplier<Instant> now, double speed) {
        return new MarketClock(new SupplierClock(now), speed);
    }

    private static final class SupplierClock extends Clock {
        private final Supplier<Instant> now;

        SupplierClock(Supplier<Instant> now) {
            this.now = Objects.requireNonNull(now, "now");
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            if (zone.equals(ZoneOffset.UTC)) {
                return this;
            }
            throw new UnsupportedOperationException("the market clock is kept in UTC");
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
