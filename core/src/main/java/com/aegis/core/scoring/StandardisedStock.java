package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.Sector;
import com.aegis.core.market.Symbol;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A stock's 12 factor exposures after winsorising, standardising, direction and missing-value handling.
 *
 * @param symbol    the stock
 * @param sector    its sector
 * @param exposures one per factor
 */
public record StandardisedStock(Symbol symbol, Sector sector, Map<Factor, FactorExposure> exposures) {

    public StandardisedStock {
        EnumMap<Factor, FactorExposure> copy = new EnumMap<>(Factor.class);
        copy.putAll(exposures);
        exposures = Collections.unmodifiableMap(copy);
    }

    public FactorExposure get(Factor factor) {
        return exposures.get(factor);
    }
}
