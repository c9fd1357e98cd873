package com.aegis.workflows.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the mode audit trail ({@code trading_mode_audit}): an accepted change, or a rejected request with its
 * reason. (date, sequence) identifies it, so writing it again on an activity retry changes nothing.
 *
 * @param date      the KST trading day
 * @param sequence  1, 2, ... within the day, in the order the control handled the requests
 * @param from      the mode before
 * @param to        the mode requested
 * @param operator  who asked (the control itself for the I3 procedure)
 * @param reason    the reason given
 * @param accepted  whether the mode changed
 * @param rejection why it was rejected; null when accepted
 * @param at        when the control handled it
 */
public record ModeAudit(LocalDate date, long sequence, TradingMode from, TradingMode to, String operator,
        String reason, boolean accepted, String rejection, Instant at) {
}
