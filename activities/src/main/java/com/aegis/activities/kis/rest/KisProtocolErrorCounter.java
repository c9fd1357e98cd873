package com.aegis.activities.kis.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many KIS answers could not be read (see {@link KisProtocolException}); export {@link #count()} as a metric
 * (e.g. a Micrometer gauge {@code kis.rest.malformed.responses}).
 */
public final class KisProtocolErrorCounter {

    private final AtomicLong count = new AtomicLong();

    void increment() {
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }
}
