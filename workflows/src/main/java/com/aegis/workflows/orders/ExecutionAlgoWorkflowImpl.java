package com.aegis.workflows.orders;

import com.aegis.core.signal.Slice;
import com.aegis.core.signal.SliceSchedule;
import com.aegis.workflows.TaskQueues;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts each slice of core's {@link SliceSchedule} at its time as a child order and sums the children's reports.
 * Children are abandoned, not terminated, if the parent ends abnormally: an order at the venue always runs to its
 * own terminal status. A parent cancel stops the schedule and forwards the cancel to every slice still running.
 */
public class ExecutionAlgoWorkflowImpl implements ExecutionAlgoWorkflow {

    private final Map<String, Promise<OrderExecutionReport>> running = new LinkedHashMap<>();
    private final Map<String, OrderExecutionReport> done = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private AlgoOrder order;
    private String workflowId;
    private String cancelReason;
    private String cancelOperator;
    private boolean cancelForwarded;
    private long unsliced;
    private MarketTime market;

    @Override
    public AlgoReport run(AlgoOrder order) {
        this.order = order;
        this.workflowId = Workflow.getInfo().getWorkflowId();
        OrderDecision parent = order.parent();
        this.market = MarketTime.read(OrderStubs.checks());
        Instant start = now();
        SliceSchedule schedule = order.algo() == AlgoOrder.Algo.TWAP
                ? SliceSchedule.twap(parent.quantity(), start, order.horizon(), order.buckets())
                : SliceSchedule.vwap(parent.quantity(), start, order.horizon(),
                        order.volumeProfile().stream().mapToLong(Long::longValue).toArray());
        for (Slice slice : schedule.slices()) {
            Duration wait = Duration.between(now(), slice.startAt());
            if (!wait.isNegative() && !wait.isZero()) {
                Workflow.await(market.toWorkflow(wait), () -> cancelReason != null);
            }
            collectCompleted();
            if (cancelReason != null) {
                unsliced += slice.quantity();
                continue;
            }
            startSlice(parent, slice);
        }
        forwardCancelIfAsked();
        while (!running.isEmpty()) {
            List<Promise<OrderExecutionReport>> pending = new ArrayList<>(running.values());
            Workflow.await(() -> pending.stream().anyMatch(Promise::isCompleted)
                    || (cancelReason != null && !cancelForwarded));
            forwardCancelIfAsked();
            collectCompleted();
        }
        return report(cancelReason == null ? "all slices closed" : "canceled by " + cancelOperator + ": "
                + cancelReason);
    }

    @Override
    public void cancel(String reason, String operator) {
        if (cancelReason == null) {
            cancelReason = reason;
            cancelOperator = operator;
        }
    }

    @Override
    public AlgoReport progress() {
        return order == null ? null : report("in progress");
    }

    private void startSlice(OrderDecision parent, Slice slice) {
        String childId = ExecutionAlgoWorkflow.sliceWorkflowId(workflowId, slice.index());
        // The slice decides at its own start: the signal life of the 10-minute reviews counts from there.
        OrderDecision child = new OrderDecision(parent.date(), parent.accountId(), parent.symbol(), parent.market(),
                parent.side(), parent.type(), slice.quantity(), parent.limitPrice(), parent.decisionPrice(),
                parent.signalId(), now(), workflowId, parent.policy());
        OrderLifecycleWorkflow stub = Workflow.newChildWorkflowStub(OrderLifecycleWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(childId)
                        .setTaskQueue(TaskQueues.ORDERS)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        Promise<OrderExecutionReport> result = Async.function(stub::run, child);
        try {
            Workflow.getWorkflowExecution(stub).get();
        } catch (ChildWorkflowFailure failure) {
            // E.g. the slice's ID was already used: that slice's order exists and is never placed twice.
            failures.add(childId + " did not start: " + failure.getMessage());
            return;
        }
        running.put(childId, result);
    }

    private void forwardCancelIfAsked() {
        if (cancelReason == null || cancelForwarded) {
            return;
        }
        cancelForwarded = true;
        for (Map.Entry<String, Promise<OrderExecutionReport>> e : running.entrySet()) {
            if (!e.getValue().isCompleted()) {
                Workflow.newExternalWorkflowStub(OrderLifecycleWorkflow.class, e.getKey())
                        .cancel("parent " + workflowId + " canceled: " + cancelReason, cancelOperator);
            }
        }
    }

    private void collectCompleted() {
        List<String> finished = new ArrayList<>();
        for (Map.Entry<String, Promise<OrderExecutionReport>> e : running.entrySet()) {
            if (!e.getValue().isCompleted()) {
                continue;
            }
            finished.add(e.getKey());
            try {
                done.put(e.getKey(), e.getValue().get());
            } catch (ChildWorkflowFailure failure) {
                failures.add(e.getKey() + ": " + failure.getMessage());
            }
        }
        finished.forEach(running::remove);
    }

    private AlgoReport report(String closeReason) {
        OrderDecision parent = order.parent();
        long filled = 0;
        long notional = 0;
        long commission = 0;
        long tax = 0;
        long slippage = 0;
        for (OrderExecutionReport r : done.values()) {
            filled += r.filledQuantity();
            notional = Math.addExact(notional, r.filledNotional());
            commission += r.commission();
            tax += r.tax();
            slippage += r.slippageKrw();
        }
        BigDecimal average = filled == 0 ? null
                : BigDecimal.valueOf(notional).divide(BigDecimal.valueOf(filled), 4, RoundingMode.HALF_EVEN);
        return new AlgoReport(workflowId, parent.symbol(), parent.side(), order.algo(), parent.quantity(), filled,
                notional, average, commission, tax, slippage, unsliced, new ArrayList<>(done.values()), failures,
                closeReason);
    }

    /** Market time (the venue's clock), the slices' schedule runs on it. */
    private Instant now() {
        return MarketTime.nowOr(market);
    }
}
