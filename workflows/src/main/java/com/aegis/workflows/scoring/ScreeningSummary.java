package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The screener's output for a date (requirement A1), as persisted in {@code screening_result}.
 *
 * @param date            the scoring date
 * @param universe        listed common stocks considered
 * @param passed          the symbols kept, in symbol order
 * @param excludedByFirst how many stocks each rule excluded first (core {@code ExclusionReason} names)
 * @param excludedByAny   how many stocks failed each rule at all
 */
public record ScreeningSummary(LocalDate date, int universe, List<String> passed, Map<String, Integer> excludedByFirst,
                               Map<String, Integer> excludedByAny) {

    public ScreeningSummary {
        passed = List.copyOf(passed);
        excludedByFirst = Map.copyOf(excludedByFirst);
        excludedByAny = Map.copyOf(excludedByAny);
    }
}
