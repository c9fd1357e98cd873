package com.aegis.workers.trading;

import java.time.Clock;
import java.util.Objects;

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
}
