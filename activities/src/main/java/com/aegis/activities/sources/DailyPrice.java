package com.aegis.activities.sources;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * End-of-day price of one stock, KRW and shares. Open, high and low are empty on a day without trades (halt),
 * as KRX reports them ("-").
 */
public record DailyPrice(Symbol symbol, String name, Market market, LocalDate tradeDate, OptionalLong open,
                         OptionalLong high, OptionalLong low, long close, long change, long volume, long tradedValue,
                         long marketCap, long listedShares) {
}
