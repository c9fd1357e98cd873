package com.aegis.workflows.batch;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The end of a batch run, as written to {@code batch_run}.
 *
 * @param job         the job name
 * @param date        the KST date of the run
 * @param workflowId  the run's workflow ID
 * @param outcome     SUCCEEDED, DEGRADED, SKIPPED or FAILED
 * @param reason      required unless SUCCEEDED
 * @param stageMillis wall time per stage
 * @param summary     a few figures for the operator (screened, scored, buys, ...)
 */
public record RunFinish(
        String job,
        LocalDate date,
        String workflowId,
        BatchOutcome outcome,
        String reason,
        Map<String, Long> stageMillis,
        Map<String, String> summary) {

    public RunFinish {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(outcome, "outcome");
        stageMillis = stageMillis == null ? Map.of() : Map.copyOf(stageMillis);
        summary = summary == null ? Map.of() : Map.copyOf(summary);
    }
}
