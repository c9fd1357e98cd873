package com.aegis.workflows.control;

import com.aegis.core.risk.RiskLimits;
import java.time.LocalDate;
import java.util.List;

/**
 * Input of the day's {@link TradingControlWorkflow}.
 *
 * @param date         the KST trading day; the workflow ID is {@link TradingControlWorkflow#workflowId(LocalDate)}
 * @param initialMode  the mode the day starts in
 * @param operators    the operators allowed to change the mode and approve orders (non-empty)
 * @param limits       the risk limits; the daily loss limit moves the state to REDUCING
 * @param eventsPerRun signals and updates handled by one run before it continues as new (bounds the history)
 * @param carried      the state handed over by the previous run of the day; null for the day's first run
 */
public record ControlRequest(LocalDate date, TradingMode initialMode, List<String> operators, RiskLimits limits,
        int eventsPerRun, ControlStatus carried) {

    /** Events per run by default: well below Temporal's history limits, a few runs on a busy day. */
    public static final int DEFAULT_EVENTS_PER_RUN = 500;

    public ControlRequest {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /** A day's first run with the default limits and history bound. */
    public static ControlRequest forDay(LocalDate date, TradingMode initialMode, List<String> operators) {
        return new ControlRequest(date, initialMode, operators, RiskLimits.defaults(), DEFAULT_EVENTS_PER_RUN, null);
    }

    public ControlRequest withLimits(RiskLimits newLimits) {
        return new ControlRequest(date, initialMode, operators, newLimits, eventsPerRun, carried);
    }

    public ControlRequest withEventsPerRun(int events) {
        return new ControlRequest(date, initialMode, operators, limits, events, carried);
    }

    /** The input of the next run of the day, carrying this state. */
    public ControlRequest continuedWith(ControlStatus state) {
        return new ControlRequest(date, initialMode, operators, limits, eventsPerRun, state);
    }
}
