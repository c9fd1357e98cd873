package com.aegis.core.risk;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.util.Objects;

/**
 * What the risk check needs to know about one stock right now.
 *
 * @param symbol    the stock
 * @param market    where it is listed
 * @param sector    its sector code (e.g. the KRX industry code); the concentration limit groups by it
 * @param basePrice the day's base price (the price limits are computed from it), KRW
 * @param lastPrice the last trade price (the collar and market-order notional use it), KRW
 */
public record InstrumentSnapshot(Symbol symbol, Market market, String sector, long basePrice, long lastPrice) {

    public InstrumentSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(sector, "sector");
        if (basePrice <= 0 || lastPrice <= 0) {
            throw new IllegalArgumentException(symbol + ": base and last price must be positive, got base "
                    + basePrice + ", last " + lastPrice);
        }
    }
}
