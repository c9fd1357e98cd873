package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.Neutralisation;
import com.aegis.core.factors.Sector;
import com.aegis.core.market.Symbol;
import java.util.EnumMap;
import java.util.Map;

final class QuantFixtures {

    private QuantFixtures() {
    }

    /** A standardised stock whose z-scores are given (raw value = z, nothing imputed). */
    static StandardisedStock stockWithZ(String code, Map<Factor, Double> z) {
        Map<Factor, FactorExposure> exposures = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            double value = z.getOrDefault(f, 0.0);
            exposures.put(f, new FactorExposure(f, FactorValue.of(f, value), value, value, false,
                    Neutralisation.MARKET));
        }
        return new StandardisedStock(Symbol.of(code), Sector.of("A"), exposures);
    }

    /** A quant score of exactly {@code value} (all factor z-scores 0 except what makes up the value). */
    static QuantScore quant(String code, double value) {
        // in a SIDEWAYS regime MOMENTUM_3M weighs 0.15 / 2 = 0.075, so z = value / 0.075 gives the quant score
        return new QuantScorer(RegimeWeights.defaults())
                .score(stockWithZ(code, Map.of(Factor.MOMENTUM_3M, value / 0.075)), MarketRegime.SIDEWAYS);
    }
}
