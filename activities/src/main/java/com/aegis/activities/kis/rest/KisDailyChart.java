package com.aegis.activities.kis.rest;

import com.aegis.core.market.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.LocalDate;

/**
 * A stock's daily bars from 국내주식기간별시세 (FHKST03010100), oldest first, with its name and listed shares
 * (output1 {@code hts_kor_isnm}, {@code lstn_stcn}). KIS answers at most 100 bars per call.
 */
public record KisDailyChart(Symbol symbol, String name, long listedShares, List<KisDailyBar> bars) {
    public KisDailyChart {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        bars = List.copyOf(bars);
    }

    public Optional<KisDailyBar> on(LocalDate date) {
        return bars.stream().filter(b -> b.date().equals(date)).findFirst();
    }
}
