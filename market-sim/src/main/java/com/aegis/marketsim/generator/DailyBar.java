package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;

/**
 * End-of-day bar of one stock on one KRX trading day, prices in whole KRW.
 * On a session without a trade (trading halt) volume is zero and open = high = low = close = base price,
 * which the database and file writers turn into empty open/high/low as KRX reports them.
 *
 * @param basePrice   reference price for the daily limit: the previous close (the offering price on the listing day)
 */
public record DailyBar(Symbol symbol, LocalDate tradeDate, long basePrice, long open, long high, long low, long close,
                       long volume, long tradedValue) {

    /** True if at least one share traded. */
    public boolean traded() {
        return volume > 0;
    }

    /** Close-to-close simple return against the base price. */
    public double simpleReturn() {
        return (double) close / basePrice - 1.0;
    }
}
