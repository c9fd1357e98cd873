package com.aegis.workflows.batch;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Batch job WeeklyRebalance, Saturday 02:00 KST: tidies the week's sessions and plans the rebalance from the latest scores.
 * A non-trading date is skipped with its reason recorded; a date that already succeeded is a no-op unless forced.
 */
@WorkflowInterface
public interface WeeklyRebalanceWorkflow {

    String TYPE = "WeeklyRebalanceWorkflow";

    @WorkflowMethod(name = TYPE)
    BatchReport run(BatchRequest request);
}
