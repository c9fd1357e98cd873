package com.aegis.activities.orders.check;

import com.aegis.core.market.Symbol;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the pre-trade check gets a stock's last trade price, KRW. Empty when there is none (never traded, no quote).
 */
@FunctionalInterface
public interface LastPriceSource {

    /** The last trade price of the stock, if known; a known price is positive. */
    Optional<Long> lastPrice(Symbol symbol);

    /** The known, positive last prices of these stocks; a stock without one is absent from the map. */
    default Map<Symbol, Long> lastPrices(Collection<Symbol> symbols) {
        Map<Symbol, Long> prices = new HashMap<>();
        for (Symbol symbol : symbols) {
            lastPrice(symbol).filter(p -> p > 0).ifPresent(p -> prices.put(symbol, p));
        }
        return prices;
    }
}
