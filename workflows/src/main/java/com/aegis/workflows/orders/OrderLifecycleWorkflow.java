package com.aegis.workflows.orders;

import com.aegis.core.execution.SignalId;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.workflows.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The life of one order (P3, E3–E5): validate → submit → fills by signal → partial cancel after 30 s →
 * re-order or cancel every 10 minutes → terminal status → execution report. Its workflow ID is derived from the
 * decision, so one signal can never start two orders; the ID is also the order's {@code ClientOrderId}.
 */
@WorkflowInterface
public interface OrderLifecycleWorkflow {

    String TYPE = "OrderLifecycleWorkflow";

    /** Runs the order to a terminal status and returns its execution report. */
    @WorkflowMethod(name = TYPE)
    OrderExecutionReport run(OrderDecision decision);

    /** A fill notice from the broker's stream; a trade ID already applied is ignored. */
    @SignalMethod(name = "fill")
    void fill(FillNotice notice);

    /** An operator's cancel of what is still open, with the reason and who asked, for the audit trail. */
    @SignalMethod(name = "cancel")
    void cancel(String reason, String operator);

    @QueryMethod(name = "state")
    OrderState state();

    /** {@code order-<date>-<symbol>-<side>-<signal>}: the one workflow ID a signal's order can have. */
    static String workflowId(LocalDate date, Symbol symbol, Side side, SignalId signalId) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(signalId, "signalId");
        return "order-" + date + "-" + symbol.code() + "-" + side + "-" + signalId.value();
    }

    /**
     * Start options for a decision: the derived ID on task queue {@code aegis-orders}, never reusable, so a second
     * start of the same decision fails with {@code WorkflowExecutionAlreadyStarted} even after the first finished.
     */
    static WorkflowOptions options(OrderDecision decision) {
        return optionsWithId(decision.workflowId());
    }

    /** Start options with an explicit, already derived workflow ID (e.g. an execution-algorithm slice). */
    static WorkflowOptions optionsWithId(String workflowId) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.ORDERS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build();
    }
}
