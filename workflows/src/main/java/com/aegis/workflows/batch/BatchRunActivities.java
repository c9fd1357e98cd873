package com.aegis.workflows.batch;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.LocalDate;

/** Bookkeeping of batch runs in {@code batch_run}, on {@code aegis-batch}. */
@ActivityInterface
public interface BatchRunActivities {

    /**
     * Claims the run of {@code job} for {@code date}: proceeds (and marks it RUNNING) unless the job already
     * SUCCEEDED or was DEGRADED for the date and {@code force} is false. Idempotent for the same workflow ID.
     */
    @ActivityMethod(name = "ClaimBatchRun")
    RunClaim claim(String job, LocalDate date, String workflowId, boolean force);

    /** Records how the run ended; SKIPPED may be recorded without a claim. */
    @ActivityMethod(name = "FinishBatchRun")
    void finish(RunFinish finish);
}
