package com.aegis.core.screening;

import com.aegis.core.market.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * What the screener needs to know about one listed stock on the screening date.
 *
 * @param symbol                  the stock
 * @param dailyTradedValues       traded value (거래대금, KRW) of recent sessions, oldest first, most recent last; the
 *                                screener averages the last {@link ScreenerCriteria#averagingSessions()} of them
 * @param marketCap               market capitalisation (KRW)
 * @param halted                  trading suspended on the screening date
 * @param administrativeDesignation designated an administrative-issue stock (관리종목)
 */
public record ScreeningInput(
        Symbol symbol,
        List<Long> dailyTradedValues,
        long marketCap,
        boolean halted,
        boolean administrativeDesignation) {

    public ScreeningInput {
        Objects.requireNonNull(symbol, "symbol");
        dailyTradedValues = List.copyOf(dailyTradedValues);
        for (Long value : dailyTradedValues) {
            if (value < 0) {
                throw new IllegalArgumentException("traded value of " + symbol + " must be >= 0 KRW, got " + value);
            }
        }
        if (marketCap < 0) {
            throw new IllegalArgumentException("market cap of " + symbol + " must be >= 0 KRW, got " + marketCap);
        }
    }
}
