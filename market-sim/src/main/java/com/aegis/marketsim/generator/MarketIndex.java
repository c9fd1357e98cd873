package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import java.time.LocalDate;

/**
 * A cap-weighted index computed from the generated constituents.
 *
 * @param code      index code, e.g. KOSPI, KOSPI200, KOSDAQ
 * @param baseDate  the trading day before the first bar; the index equals {@code baseValue} at its close
 * @param baseValue the level the synthetic history starts from (KOSPI about 2,500)
 */
public record MarketIndex(String code, String name, Market market, LocalDate baseDate, double baseValue) {
}
