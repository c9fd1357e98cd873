package com.aegis.activities.orders.check;

import com.aegis.core.market.Symbol;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Last prices kept for a few seconds. Every pre-trade check marks the whole portfolio to market, so without this a
 * burst of orders against a book of fifty stocks would ask the broker for the same fifty quotes again and again,
 * against its per-second call limit. A missing price is not kept.
 */
public final class CachingLastPriceSource implements LastPriceSource {

    private final LastPriceSource source;
    private final Cache<Symbol, Long> prices;

    /** @param keep how long a price is reused (a few seconds: C1 keeps prices 10 s) */
    public CachingLastPriceSource(LastPriceSource source, Duration keep) {
        this.source = Objects.requireNonNull(source, "source");
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("keep must be positive, got " + keep);
        }
        this.prices = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(10_000).build();
    }

    @Override
    public Optional<Long> lastPrice(Symbol symbol) {
        Long known = prices.getIfPresent(symbol);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> fresh = source.lastPrice(symbol);
        fresh.ifPresent(p -> prices.put(symbol, p));
        return fresh;
    }
}
