package com.aegis.benchmarks.orders;

import com.aegis.activities.orders.check.LastPriceSource;
import com.aegis.core.market.Symbol;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A last-price source that counts the look-ups it passes on (here: KIS quote calls). */
public final class CountingLastPriceSource implements LastPriceSource {

    private final LastPriceSource source;
    private final AtomicLong calls = new AtomicLong();

    public CountingLastPriceSource(LastPriceSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Optional<Long> lastPrice(Symbol symbol) {
        calls.incrementAndGet();
        return source.lastPrice(symbol);
    }

    /** Look-ups passed on so far. */
    public long calls() {
        return calls.get();
    }
}
