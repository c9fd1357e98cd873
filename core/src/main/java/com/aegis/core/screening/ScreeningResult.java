package com.aegis.core.screening;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the screener kept and what it excluded. Every input appears exactly once, in input order.
 *
 * @param kept               stocks that passed every rule
 * @param excluded           stocks left out, each with its reasons
 * @param countByFirstReason how many stocks each rule removed first (sums to the number excluded)
 * @param countByAnyReason   how many stocks failed each rule at all (a stock may count under several reasons)
 */
public record ScreeningResult(
        List<ScreeningInput> kept,
        List<Exclusion> excluded,
        Map<ExclusionReason, Integer> countByFirstReason,
        Map<ExclusionReason, Integer> countByAnyReason) {

    public ScreeningResult {
        kept = List.copyOf(kept);
        excluded = List.copyOf(excluded);
        countByFirstReason = Collections.unmodifiableMap(new EnumMap<>(countByFirstReason));
        countByAnyReason = Collections.unmodifiableMap(new EnumMap<>(countByAnyReason));
    }
}
