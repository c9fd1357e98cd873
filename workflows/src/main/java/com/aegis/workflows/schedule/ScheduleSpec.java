package com.aegis.workflows.schedule;

import com.aegis.workflows.batch.BatchJob;
import java.util.Objects;

/**
 * What a schedule workflow runs.
 *
 * @param job       the batch job
 * @param aiEnabled passed to every run (the scoring pipeline's AI stage)
 * @param paused    when true the schedule keeps its timing but starts nothing
 */
public record ScheduleSpec(BatchJob job, boolean aiEnabled, boolean paused) {

    public ScheduleSpec {
        Objects.requireNonNull(job, "job");
    }
}
