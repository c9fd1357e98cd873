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
 * against its per-second call limit. Concurrent misses of one stock share a single look-up (the others wait for its
 * answer); a missing price is not kept, and a failed look-up fails every waiting caller.
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
        return Optional.ofNullable(prices.get(symbol, s -> source.lastPrice(s).orElse(null)));
    }
}
