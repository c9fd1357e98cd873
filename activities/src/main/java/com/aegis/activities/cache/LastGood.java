package com.aegis.activities.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A value kept past its region's TTL so an incident procedure can serve it (I2: the last good scores, at most 24 h old).
 *
 * @param value    the value as last stored
 * @param storedAt when it was stored
 */
public record LastGood<T>(T value, Instant storedAt) {

    public LastGood {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /** How old the value is at {@code now} (never negative). */
    public Duration age(Instant now) {
        Duration age = Duration.between(storedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
