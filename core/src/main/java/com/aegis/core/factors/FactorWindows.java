package com.aegis.core.factors;

/**
 * Look-back windows in trading sessions (about 21 a month, 252 a year).
 *
 * @param threeMonthSessions     momentum 3M: return over this many sessions (63)
 * @param twelveMonthSessions    momentum 12M: start of the window, this many sessions back (252)
 * @param skipRecentSessions     momentum 12M ends this many sessions before the scoring date (21): the last month is
 *                               skipped because one-month returns tend to reverse and would cancel the trend signal
 * @param betaSessions           daily returns used for beta (252)
 * @param minBetaSessions        fewest overlapping returns for a beta (120)
 * @param volatilitySessions     daily returns used for volatility (252)
 * @param minVolatilitySessions  fewest returns for a volatility (60)
 */
public record FactorWindows(
        int threeMonthSessions,
        int twelveMonthSessions,
        int skipRecentSessions,
        int betaSessions,
        int minBetaSessions,
        int volatilitySessions,
        int minVolatilitySessions) {

    /** Sessions per year used to annualise volatility. */
    public static final int SESSIONS_PER_YEAR = 252;

    public FactorWindows {
        if (threeMonthSessions < 1 || twelveMonthSessions < 1 || skipRecentSessions < 0
                || skipRecentSessions >= twelveMonthSessions || minBetaSessions < 2 || betaSessions < minBetaSessions
                || minVolatilitySessions < 2 || volatilitySessions < minVolatilitySessions) {
            throw new IllegalArgumentException("inconsistent factor windows: " + threeMonthSessions + "/"
                    + twelveMonthSessions + "/" + skipRecentSessions + "/" + betaSessions + "/" + minBetaSessions + "/"
                    + volatilitySessions + "/" + minVolatilitySessions
                    + " (need skip < 12M window, 2 <= minimum <= window)");
        }
    }

    public static FactorWindows defaults() {
        return new FactorWindows(63, 252, 21, 252, 120, 252, 60);
    }
}
