package com.aegis.workflows.control;

import java.time.Instant;

/**
 * The account's P&amp;L for the day at one moment, from the portfolio service.
 *
 * @param realised     realised P&amp;L of the day, KRW
 * @param unrealised   unrealised P&amp;L of the day at the latest marks, KRW
 * @param equityAtOpen equity at the start of the day, KRW; the base of the daily loss limit (must be positive)
 * @param asOf         when the figures were taken; an update older than the last one applied is ignored
 */
public record PnlUpdate(long realised, long unrealised, long equityAtOpen, Instant asOf) {

    /** Realised plus unrealised, KRW. */
    public long dailyPnl() {
        return Math.addExact(realised, unrealised);
    }
}
