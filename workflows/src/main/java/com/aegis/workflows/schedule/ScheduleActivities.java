package com.aegis.workflows.schedule;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.LocalDate;

/** Starts a batch job's run as an independent workflow execution, as a Temporal Schedule would. */
@ActivityInterface
public interface ScheduleActivities {

    /**
     * Starts {@code spec.job()} for {@code date} with workflow ID {@code job.workflowId(date)}.
     *
     * @return what happened: started (with the run ID), or not started because that date's run is already going
     */
    @ActivityMethod(name = "StartBatchRun")
    String startRun(ScheduleSpec spec, LocalDate date);
}
