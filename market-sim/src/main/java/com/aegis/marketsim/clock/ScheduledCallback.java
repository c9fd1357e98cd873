package com.aegis.marketsim.clock;

import java.time.Instant;

/** Handle to a callback scheduled on a {@link SimulationClock}; cancel it before it fires to drop it. */
public final class ScheduledCallback {
    private final Instant dueAt;
    private final long sequence;
    private final Runnable action;
    private volatile boolean cancelled;

    ScheduledCallback(Instant dueAt, long sequence, Runnable action) {
        this.dueAt = dueAt;
        this.sequence = sequence;
        this.action = action;
    }

    public Instant dueAt() {
        return dueAt;
    }

    /** Drops the callback if it has not fired yet; firing order of the others is unchanged. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    long sequence() {
        return sequence;
    }

    void run() {
        action.run();
    }
}
