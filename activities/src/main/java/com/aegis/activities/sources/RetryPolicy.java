package com.aegis.activities.sources;

import java.time.Duration;

/**
 * Retries of one provider call (D2: up to three, then the alternate source): exponential backoff from
 * {@code initialBackoff}, doubling, capped at {@code maxBackoff}. Only retryable failures are retried.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public static final int MAX_RETRIES = 3;

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries must be within 0.." + MAX_RETRIES + " (D2), got "
                    + maxRetries);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || maxBackoff == null
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initialBackoff <= maxBackoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** Three retries after 500 ms, 1 s, 2 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(4));
    }

    /** Backoff before retry number {@code retry} (1-based). */
    public Duration backoffBefore(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        return millis > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
