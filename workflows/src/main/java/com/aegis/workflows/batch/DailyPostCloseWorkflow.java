package com.aegis.workflows.batch;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Batch job DailyPostClose, 18:00 KST: collects and tidies the day's market data, disclosures and global indicators.
 * A non-trading date is skipped with its reason recorded; a date that already succeeded is a no-op unless forced.
 */
@WorkflowInterface
public interface DailyPostCloseWorkflow {

    String TYPE = "DailyPostCloseWorkflow";

    @WorkflowMethod(name = TYPE)
    BatchReport run(BatchRequest request);
}
