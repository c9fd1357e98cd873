package com.aegis.activities.orders.check;

import com.aegis.core.market.Symbol;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live quote first (KIS), the stored close second: a quote that fails or has no price falls back to the last daily
 * bar, so a broker outage does not leave the checks and the reviews without a price.
 */
public final class FallbackLastPriceSource implements LastPriceSource {

    private static final Logger log = LoggerFactory.getLogger(FallbackLastPriceSource.class);

    private final LastPriceSource primary;
    private final LastPriceSource fallback;

    public FallbackLastPriceSource(LastPriceSource primary, LastPriceSource fallback) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Optional<Long> lastPrice(Symbol symbol) {
        try {
            Optional<Long> live = primary.lastPrice(symbol);
            if (live.isPresent()) {
                return live;
            }
        } catch (RuntimeException e) {
            log.warn("live price of {} unavailable ({}); using the last stored close", symbol, e.getMessage());
        }
        return fallback.lastPrice(symbol);
    }
}
