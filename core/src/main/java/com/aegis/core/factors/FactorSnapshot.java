package com.aegis.core.factors;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * All 12 raw factor values of one stock on one scoring date.
 *
 * @param symbol      the stock
 * @param sector      its sector
 * @param scoringDate the date the values are valid for
 * @param values      one entry per {@link Factor}, present or missing
 */
public record FactorSnapshot(Symbol symbol, Sector sector, LocalDate scoringDate, Map<Factor, FactorValue> values) {

    public FactorSnapshot {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(scoringDate, "scoringDate");
        EnumMap<Factor, FactorValue> copy = new EnumMap<>(Factor.class);
        copy.putAll(values);
        if (copy.size() != Factor.values().length) {
            throw new IllegalArgumentException("snapshot of " + symbol + " must hold all " + Factor.values().length
                    + " factors (missing ones as FactorValue.missing), got " + copy.keySet());
        }
        values = Collections.unmodifiableMap(copy);
    }

    public FactorValue get(Factor factor) {
        return values.get(factor);
    }
}
