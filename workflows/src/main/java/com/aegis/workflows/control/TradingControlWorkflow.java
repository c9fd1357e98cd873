package com.aegis.workflows.control;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.LocalDate;

/**
 * The trading control of one KST trading day (requirements E2, I3, P3), on task queue {@code aegis-orders}. It runs
 * until midnight KST of its day and returns its final state; it continues as new when it has handled
 * {@link ControlRequest#eventsPerRun()} signals and updates, carrying its state.
 *
 * <p>Signals are fire-and-forget: an invalid one is rejected with its reason in {@link ControlStatus#lastRejection()}
 * (and, for a mode change, in the audit trail). The updates answer the caller: their validators reject an invalid
 * request before it enters the history.
 */
@WorkflowInterface
public interface TradingControlWorkflow {

    String TYPE = "TradingControlWorkflow";

    /** The approver recorded for a decision started without an operator in AUTO mode. */
    String AUTO_APPROVER = "auto";

    /** The operator recorded for changes the control makes itself (the I3 procedure). */
    String SYSTEM_OPERATOR = "aegis-control";

    /** The workflow ID of the control of a KST trading day: {@code trading-control-2026-11-30}. */
    static String workflowId(LocalDate date) {
        return "trading-control-" + date;
    }

    @WorkflowMethod(name = TYPE)
    ControlStatus run(ControlRequest request);

    /** An operator's mode change; audited whether accepted or rejected. */
    @SignalMethod
    void setMode(ModeChange change);

    /** The same mode change, answered: the new state, or a rejection with its reason. */
    @UpdateMethod
    ControlStatus changeMode(ModeChange change);

    @UpdateValidatorMethod(updateName = "changeMode")
    void validateChangeMode(ModeChange change);

    /** The day's P&amp;L; reaching the daily loss limit moves the state to REDUCING. */
    @SignalMethod
    void pnl(PnlUpdate update);

    /** The held positions, replacing the previous view. */
    @SignalMethod
    void positions(PositionsUpdate update);

    /**
     * An order decision: started (AUTO), recorded for approval (MANUAL) or refused, with the reason. HALTED refuses
     * every decision; REDUCING only lets through a SELL of at most the shares held in the last
     * {@link #positions(PositionsUpdate)} view; a decision id seen before today is refused as a duplicate.
     */
    @SignalMethod
    void decision(OrderDecision decision);

    /**
     * I3: a trading failure. Stops automated trading (MANUAL), cancels every unfilled order, moves the state to at
     * least REDUCING and raises an incident; while that incident is open a repeat changes nothing.
     */
    @SignalMethod
    void tradingFailure(String reason);

    /** An operator approves a pending decision; returns the started order, or fails with the reason. */
    @UpdateMethod
    StartedOrder approve(String decisionId, String operator);

    @UpdateValidatorMethod(updateName = "approve")
    void validateApprove(String decisionId, String operator);

    @QueryMethod
    ControlStatus status();
}
