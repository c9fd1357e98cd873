package com.aegis.marketsim.exchange;

import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.TickSize;
import com.aegis.core.krx.TickTable;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.Objects;

/** What a matching engine needs to know about its stock for one trading day. */
public record InstrumentDay(Symbol symbol, Market market, boolean kospi200, LocalDate tradeDate, PriceBand band) {

    public InstrumentDay {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(tradeDate, "tradeDate");
        Objects.requireNonNull(band, "band");
    }

    /** The tick table in force for this stock on this date (unified since 2023-01-25, by market before). */
    public TickTable tickTable() {
        return TickSize.table(market, tradeDate);
    }
}
