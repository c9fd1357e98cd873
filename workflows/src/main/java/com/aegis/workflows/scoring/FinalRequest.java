package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Input of the final stage (requirement A4): the day's stored quant scores blended with the AI part.
 *
 * @param date           the scoring date
 * @param aiScores       AI ensemble score (0–100) by symbol; empty in degraded mode
 * @param degradedReason why the AI part is missing (I2), or null when {@code aiScores} is used
 * @param workflowId     recorded with every score
 * @param reuseStoredAi  a recalculation: take each stock's AI score (or degraded reason) already stored for the date
 *                       instead of {@code aiScores}
 * @param topN           how many of the best scores to return in the summary
 */
public record FinalRequest(LocalDate date, Map<String, Double> aiScores, String degradedReason, String workflowId,
                           boolean reuseStoredAi, int topN) {

    public FinalRequest {
        Objects.requireNonNull(date, "date");
        aiScores = aiScores == null ? Map.of() : Map.copyOf(aiScores);
    }
}
