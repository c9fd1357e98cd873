package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * The final stage's output, persisted in {@code score_daily} and written through the score cache.
 *
 * @param date           the scoring date
 * @param scored         stocks scored
 * @param buy            recommendations BUY (final ≥ 75)
 * @param neutral        recommendations NEUTRAL
 * @param sell           recommendations SELL (final ≤ 25)
 * @param degraded       stocks scored without an AI part
 * @param degradedReason the reason recorded on them (the first one when several differ), or null
 * @param top            the best {@code topN} scores, best first
 */
public record FinalSummary(LocalDate date, int scored, int buy, int neutral, int sell, int degraded,
                           String degradedReason, List<ScoreLine> top) {

    public FinalSummary {
        top = List.copyOf(top);
    }
}
