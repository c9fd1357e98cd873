package com.aegis.workflows.batch;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Batch job DailyPreOpen, 08:30 KST: tidies the previous session's data, runs the scoring pipeline for the day and publishes the watchlist; serves the last good scores, marked stale, when the pipeline fails (I2).
 * A non-trading date is skipped with its reason recorded; a date that already succeeded is a no-op unless forced.
 */
@WorkflowInterface
public interface DailyPreOpenWorkflow {

    String TYPE = "DailyPreOpenWorkflow";

    @WorkflowMethod(name = TYPE)
    BatchReport run(BatchRequest request);
}
