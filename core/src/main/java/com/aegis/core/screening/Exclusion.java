package com.aegis.core.screening;

import com.aegis.core.market.Symbol;
import java.util.List;
import java.util.Objects;

/**
 * A stock the screener left out.
 *
 * @param symbol      the stock
 * @param firstReason the first rule it failed, in {@link ExclusionReason} order
 * @param allReasons  every rule it failed, in the same order (so "halted and also too small" stays visible)
 * @param detail      the figures behind the decision, e.g. {@code avg traded value 950000000 <= 1000000000}
 */
public record Exclusion(Symbol symbol, ExclusionReason firstReason, List<ExclusionReason> allReasons, String detail) {

    public Exclusion {
        Objects.requireNonNull(symbol, "symbol");
        allReasons = List.copyOf(allReasons);
        if (allReasons.isEmpty() || allReasons.get(0) != firstReason) {
            throw new IllegalArgumentException("first reason must head the list of reasons for " + symbol);
        }
    }
}
