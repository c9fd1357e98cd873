package com.aegis.marketsim.clock;

/** How simulated time relates to wall time. */
public enum ClockMode {
    /** Simulated time moves one second per wall second. */
    REAL_TIME,
    /** Simulated time moves {@code factor} seconds per wall second (a 6.5 h day in 2 min at x195). */
    ACCELERATED,
    /** Simulated time moves only when the owner calls {@code advance}/{@code advanceTo}; fully deterministic. */
    STEPPED
}
