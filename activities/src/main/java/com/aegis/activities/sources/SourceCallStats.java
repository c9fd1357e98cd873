package com.aegis.activities.sources;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one provider adapter, for monitoring: calls, HTTP attempts, retries, failures, unreadable payloads. */
public final class SourceCallStats {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();

    void call() {
        calls.incrementAndGet();
    }

    void attempt() {
        attempts.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void failure() {
        failures.incrementAndGet();
    }

    void protocolError() {
        protocolErrors.incrementAndGet();
    }

    public long calls() {
        return calls.get();
    }

    public long attempts() {
        return attempts.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Calls that failed after all retries (or at once, if not retryable). */
    public long failures() {
        return failures.get();
    }

    /** Answers that could not be parsed, each attempt counted. */
    public long protocolErrors() {
        return protocolErrors.get();
    }
}
