package com.aegis.activities.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code batch_run}: a job's run for a KST date.
 *
 * @param job         the job name, e.g. {@code DailyPreOpen}
 * @param date        the KST date the run is for
 * @param status      RUNNING, SUCCEEDED, SKIPPED, FAILED or DEGRADED
 * @param reason      why it was skipped, failed or degraded; null otherwise
 * @param workflowId  the workflow of the latest attempt
 * @param attempt     1 for the first run, counting forced or retried runs
 * @param forced      whether the latest attempt was forced
 * @param stageMillis wall time per stage
 * @param summary     the figures the run reported
 * @param startedAt   when the latest attempt started
 * @param finishedAt  when it ended; null while RUNNING
 */
public record BatchRunRow(String job, LocalDate date, String status, String reason, String workflowId, int attempt,
                          boolean forced, Map<String, Long> stageMillis, Map<String, String> summary,
                          Instant startedAt, Instant finishedAt) {

    public BatchRunRow {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        stageMillis = Map.copyOf(stageMillis);
        summary = Map.copyOf(summary);
    }

    /** Wall time from start to finish, or null while running. */
    public Long elapsedMillis() {
        return finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
