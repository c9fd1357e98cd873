package com.aegis.core.krx;

/** Phase of the KRX equity market at a moment of a day (requirement K3). */
public enum SessionPhase {
    /** No order entry or matching. */
    CLOSED,
    /** Opening single-price auction: orders are collected (08:30–09:00 on a normal day) and matched at the open. */
    PRE_OPEN_AUCTION,
    /** Continuous matching (09:00–15:20 on a normal day). */
    CONTINUOUS,
    /** Closing single-price auction: orders collected 15:20–15:30, matched once at the close. */
    CLOSING_AUCTION,
    /** Gap between the close and the after-hours closing-price session (15:30–15:40). */
    POST_CLOSE,
    /** After-hours trading at the day's closing price (시간외 종가, 15:40–16:00). */
    AFTER_HOURS_CLOSING_PRICE,
    /** After-hours single-price trading (시간외 단일가, 16:00–18:00, matched every 10 minutes, ±10% of the close). */
    AFTER_HOURS_SINGLE_PRICE
}
