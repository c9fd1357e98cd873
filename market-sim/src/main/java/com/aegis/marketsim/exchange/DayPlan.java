package com.aegis.marketsim.exchange;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.util.Objects;

/**
 * What one stock is meant to do on one simulated day: its base price (previous close, from which the band is
 * derived) and the daily bar the simulated crowd's flow should reproduce. A {@code halted} stock is suspended all day.
 * Prices are KRW and must be valid ticks inside the day's band; for a halted stock open/high/low/close are ignored.
 */
public record DayPlan(Symbol symbol, Market market, boolean kospi200, long basePrice, long open, long high, long low,
                      long close, long volume, boolean halted) {

    public DayPlan {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        if (basePrice <= 0) {
            throw new IllegalArgumentException("base price of " + symbol + " must be positive, got " + basePrice);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("planned volume of " + symbol + " must not be negative, got " + volume);
        }
        if (!halted) {
            if (low <= 0 || low > open || low > close || high < open || high < close) {
                throw new IllegalArgumentException("day plan of " + symbol + " needs 0 < low <= open, close <= high;"
                        + " got open " + open + " high " + high + " low " + low + " close " + close);
            }
        }
    }

    /** A suspended stock: no trading all day. */
    public static DayPlan halted(Symbol symbol, Market market, long basePrice) {
        return new DayPlan(symbol, market, false, basePrice, 0, 0, 0, 0, 0, true);
    }
}
