package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Input of {@link ScoringPipelineWorkflow}.
 *
 * @param date      the scoring date (the session the scores are for)
 * @param aiEnabled call the AI stage; false runs quant-only with the reason recorded
 * @param topN      how many of the best scores the report lists
 */
public record PipelineRequest(LocalDate date, boolean aiEnabled, int topN) {

    public PipelineRequest {
        Objects.requireNonNull(date, "date");
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be >= 0, got " + topN);
        }
    }
}
