package com.aegis.core.risk;

/**
 * Whether the account may trade. ACTIVE allows every order that passes the checks, REDUCING only risk-reducing
 * orders (sells of held shares), HALTED nothing. Only an operator moves an account back to ACTIVE.
 */
public enum TradingState {
    ACTIVE,
    REDUCING,
    HALTED;

    /** True if an order with this effect on risk may go out in this state. */
    public boolean allows(boolean riskReducing) {
        return switch (this) {
            case ACTIVE -> true;
            case REDUCING -> riskReducing;
            case HALTED -> false;
        };
    }

    /** The state after a P&amp;L update: ACTIVE becomes REDUCING once the daily loss limit is reached. */
    public TradingState afterDailyPnl(long dailyPnl, long startOfDayEquity, RiskLimits limits) {
        if (this == ACTIVE && dailyLossLimitReached(dailyPnl, startOfDayEquity, limits)) {
            return REDUCING;
        }
        return this;
    }

    /**
     * True if the day's loss is at or beyond the limit: dailyPnl ≤ −limit × startOfDayEquity, compared exactly.
     * Without positive start-of-day equity there is no base for a percentage and the limit cannot be reached.
     */
    public static boolean dailyLossLimitReached(long dailyPnl, long startOfDayEquity, RiskLimits limits) {
        if (startOfDayEquity <= 0) {
            return false;
        }
        return Exact.compareShare(-dailyPnl, startOfDayEquity, limits.dailyLossLimitBps()) >= 0;
    }
}
