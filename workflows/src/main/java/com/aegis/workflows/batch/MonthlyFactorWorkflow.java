package com.aegis.workflows.batch;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Batch job MonthlyFactor, last Saturday of the month 04:00 KST: recalculates the month's factor values and quant scores with every statement now known, and re-blends the final scores with the AI part already stored.
 * A non-trading date is skipped with its reason recorded; a date that already succeeded is a no-op unless forced.
 */
@WorkflowInterface
public interface MonthlyFactorWorkflow {

    String TYPE = "MonthlyFactorWorkflow";

    @WorkflowMethod(name = TYPE)
    BatchReport run(BatchRequest request);
}
