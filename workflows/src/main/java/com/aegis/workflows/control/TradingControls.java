package com.aegis.workflows.control;

import com.aegis.workflows.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Client-side access to the day's trading control, for the workers, the pre-open path and the operator CLI.
 */
public final class TradingControls {

    private TradingControls() {
    }

    /**
     * Start options of the control of a day: its derived workflow ID on {@code aegis-orders}. A day's control runs
     * once; only a failed or terminated one may be started again.
     */
    public static WorkflowOptions options(LocalDate date) {
        return WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORDERS)
                .setWorkflowId(TradingControlWorkflow.workflowId(date))
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .build();
    }

    /**
     * Starts the control of the request's day unless it is running or has completed; the started execution, or
     * empty if there already was one.
     */
    public static Optional<WorkflowExecution> ensureStarted(WorkflowClient client, ControlRequest request) {
        TradingControlWorkflow workflow = client.newWorkflowStub(TradingControlWorkflow.class,
                options(request.date()));
        try {
            return Optional.of(WorkflowClient.start(workflow::run, request));
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            return Optional.empty();
        }
    }

    /** A stub for signals, updates and queries to the day's control (its latest run). */
    public static TradingControlWorkflow of(WorkflowClient client, LocalDate date) {
        return client.newWorkflowStub(TradingControlWorkflow.class, TradingControlWorkflow.workflowId(date));
    }
}
