package com.aegis.core.signal;

import java.time.Instant;
import java.util.Objects;

/**
 * One child order of a VWAP/TWAP parent.
 *
 * @param index    0-based position in the schedule
 * @param startAt  when the slice may be sent
 * @param quantity shares, at least 1
 */
public record Slice(int index, Instant startAt, long quantity) {

    public Slice {
        Objects.requireNonNull(startAt, "startAt");
        if (index < 0 || quantity <= 0) {
            throw new IllegalArgumentException("a slice needs index >= 0 and quantity >= 1, got index " + index
                    + ", quantity " + quantity);
        }
    }
}
