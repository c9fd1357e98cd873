package com.aegis.core.factors;

import com.aegis.core.market.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one stock that its factors are computed from. The statement list may include statements
 * published after the scoring date: the calculator filters them through {@link PointInTime}.
 *
 * @param symbol     the stock
 * @param sector     its sector, for sector-neutral standardisation
 * @param prices     its daily closes
 * @param statements its quarterly statements, any order, restatements included
 */
public record FactorInputs(Symbol symbol, Sector sector, PriceHistory prices, List<FinancialStatement> statements) {

    public FactorInputs {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(sector, "sector of " + symbol);
        Objects.requireNonNull(prices, "prices of " + symbol);
        statements = List.copyOf(statements);
        for (FinancialStatement s : statements) {
            if (!s.symbol().equals(symbol)) {
                throw new IllegalArgumentException("statement of " + s.symbol() + " passed with the inputs of "
                        + symbol);
            }
        }
    }
}
