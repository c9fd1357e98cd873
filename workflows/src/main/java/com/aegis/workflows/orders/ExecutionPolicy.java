package com.aegis.workflows.orders;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently an order rests at the venue (E4, E5).
 *
 * @param partialFillTimeout after acceptance, how long a partially filled order may rest before its unfilled
 *                           remainder is canceled (E4: 30 s)
 * @param reviewInterval     how often an order that is still open gets a re-order or cancel decision (E5: 10 min)
 * @param signalTtl          age of the decision after which a review cancels instead of re-pricing
 * @param collarBps          a review re-prices to the last price only within this distance of the decision price,
 *                           in basis points; beyond it the order is canceled
 * @param maxReprices        re-prices allowed before a review cancels
 */
public record ExecutionPolicy(Duration partialFillTimeout, Duration reviewInterval, Duration signalTtl,
        int collarBps, int maxReprices) {

    public ExecutionPolicy {
        Objects.requireNonNull(partialFillTimeout, "partialFillTimeout");
        Objects.requireNonNull(reviewInterval, "reviewInterval");
        Objects.requireNonNull(signalTtl, "signalTtl");
        if (partialFillTimeout.isNegative() || partialFillTimeout.isZero()) {
            throw new IllegalArgumentException("partialFillTimeout must be positive, got " + partialFillTimeout);
        }
        if (reviewInterval.compareTo(partialFillTimeout) <= 0) {
            throw new IllegalArgumentException("reviewInterval " + reviewInterval
                    + " must be longer than partialFillTimeout " + partialFillTimeout);
        }
        if (signalTtl.isNegative()) {
            throw new IllegalArgumentException("signalTtl must not be negative, got " + signalTtl);
        }
        if (collarBps < 0 || maxReprices < 0) {
            throw new IllegalArgumentException("collarBps and maxReprices must not be negative, got " + collarBps
                    + " and " + maxReprices);
        }
    }

    /** 30 s partial cancel, 10-minute reviews, a 30-minute signal life, a 2% collar and at most 3 re-prices. */
    public static ExecutionPolicy standard() {
        return new ExecutionPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 200, 3);
    }
}
