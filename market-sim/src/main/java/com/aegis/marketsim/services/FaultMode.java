package com.aegis.marketsim.services;

/** What an operator or a test can switch a simulated provider to. */
public enum FaultMode {
    /** Every request answered normally. */
    NORMAL,
    /** A share of requests (the rate) answered with the provider's server error. */
    ERRORS,
    /** A share of requests answered with a truncated or mistyped body. */
    MALFORMED,
    /** A share of requests answered with data a day old. */
    STALE,
    /** Every request delayed by the given milliseconds. */
    SLOW,
    /** No answer at all (connections dropped) for the given minutes of simulated time. */
    OUTAGE
}
