package com.aegis.workflows.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An alert or incident raised by the trading control. (date, sequence) identifies it for an idempotent write.
 *
 * @param date     the KST trading day
 * @param sequence 1, 2, ... within the day
 * @param kind     what happened
 * @param message  the details for the operator
 * @param at       when
 */
public record ControlAlert(LocalDate date, long sequence, Kind kind, String message, Instant at) {

    /** What the alert is about. */
    public enum Kind {
        /** I3: a trading failure stopped automated trading and cancelled the open orders. */
        TRADING_FAILURE,
        /** E2: the daily loss limit was reached; only risk-reducing orders are allowed. */
        DAILY_LOSS_LIMIT,
        /** An operator halted trading; open orders were cancelled. */
        KILL_SWITCH
    }
}
