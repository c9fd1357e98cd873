package com.aegis.workflows.batch;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Input of every batch job.
 *
 * @param date      the KST date the run is for (the scheduled day, or any date for a backfill)
 * @param force     run even if this job already succeeded for the date
 * @param aiEnabled whether the scoring pipeline calls the AI models on {@code aegis-ai}; false runs the documented
 *                  degraded mode (quant-only final score, reason recorded)
 */
public record BatchRequest(LocalDate date, boolean force, boolean aiEnabled) {

    public BatchRequest {
        Objects.requireNonNull(date, "date");
    }
}
