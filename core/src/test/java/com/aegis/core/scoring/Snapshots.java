package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorSnapshot;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.MissingReason;
import com.aegis.core.factors.Sector;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Builds factor snapshots by hand: the factors given are present, every other one missing. */
final class Snapshots {

    static final LocalDate DATE = LocalDate.of(2025, 3, 11);

    private Snapshots() {
    }

    static FactorSnapshot snapshot(String code, String sector, Map<Factor, Double> present) {
        Map<Factor, FactorValue> values = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            Double v = present.get(f);
            values.put(f, v == null ? FactorValue.missing(f, MissingReason.NO_STATEMENT_PUBLISHED)
                    : FactorValue.of(f, v));
        }
        return new FactorSnapshot(Symbol.of(code), Sector.of(sector), DATE, values);
    }
}
