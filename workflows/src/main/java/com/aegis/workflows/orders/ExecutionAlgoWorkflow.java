package com.aegis.workflows.orders;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A parent order executed as time-scheduled slices (E4: VWAP/TWAP, large orders split): each slice is a child
 * {@link OrderLifecycleWorkflow} with the ID {@code <parent ID>-s<slice index>}, so a retried parent can never start
 * a slice twice. The report sums the slices' fills and costs.
 */
@WorkflowInterface
public interface ExecutionAlgoWorkflow {

    String TYPE = "ExecutionAlgoWorkflow";

    @WorkflowMethod(name = TYPE)
    AlgoReport run(AlgoOrder order);

    /** Stops starting slices and cancels the open ones, for the audit trail with reason and operator. */
    @SignalMethod(name = "cancel")
    void cancel(String reason, String operator);

    /** The slices' reports so far. */
    @QueryMethod(name = "progress")
    AlgoReport progress();

    /** The workflow ID of slice {@code index} of a parent. */
    static String sliceWorkflowId(String parentWorkflowId, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("slice index must not be negative, got " + index);
        }
        return parentWorkflowId + "-s" + index;
    }
}
