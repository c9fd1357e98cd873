package com.aegis.workflows.control;

import com.aegis.core.risk.TradingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The trading control's state: what {@code status()} answers, what a run carries into the next one when it
 * continues as new, and the day's final result.
 *
 * @param date             the KST trading day
 * @param mode             the operator's mode
 * @param state            the trading state (ACTIVE / REDUCING / HALTED)
 * @param pnl              the last P&amp;L update applied; null before the first
 * @param dailyPnl         realised plus unrealised P&amp;L, KRW (0 before the first update)
 * @param dailyPnlPercent  daily P&amp;L as a percentage of equity at open, for display (the limit is compared
 *                         exactly in basis points)
 * @param pendingApprovals decisions recorded in MANUAL mode, waiting for an operator, oldest first
 * @param startedOrders    decisions whose order workflows were started, in order
 * @param refusedDecisions decisions not started, with the reason, in order
 * @param holdings         the held-positions view (from the last positions update)
 * @param positionsAsOf    when that view was taken; null before the first update
 * @param modeReason       why the mode is what it is (who, when, reason)
 * @param stateReason      why the state is what it is
 * @param lastRejection    the last rejected request (mode change, approval, P&amp;L or positions update) and why
 * @param incident         the open I3 incident; null when none is open (an operator's switch to AUTO closes it)
 * @param cancelledOrders  open orders cancelled by the control today (I3 and kill switch)
 * @param auditSequence    mode audit rows written today
 * @param alertSequence    alerts raised today
 * @param eventsHandled    signals and updates handled today, across runs
 * @param run              1 for the day's first run, +1 for each continue-as-new
 * @param lastError        the last activity failure the control worked around; null when none
 */
public record ControlStatus(LocalDate date, TradingMode mode, TradingState state, PnlUpdate pnl, long dailyPnl,
        double dailyPnlPercent, List<OrderDecision> pendingApprovals, List<StartedOrder> startedOrders,
        List<RefusedDecision> refusedDecisions, List<Holding> holdings, Instant positionsAsOf, String modeReason,
        String stateReason, String lastRejection, String incident, int cancelledOrders, long auditSequence,
        long alertSequence, long eventsHandled, int run, String lastError) {

    public ControlStatus {
        pendingApprovals = pendingApprovals == null ? List.of() : List.copyOf(pendingApprovals);
        startedOrders = startedOrders == null ? List.of() : List.copyOf(startedOrders);
        refusedDecisions = refusedDecisions == null ? List.of() : List.copyOf(refusedDecisions);
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }
}
