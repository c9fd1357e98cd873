package com.aegis.marketsim.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Timed callbacks in simulated time. {@link SimulationClock} is the root implementation; {@link #wrapping} decorates
 * every callback (e.g. to run it under its owner's lock) while keeping the clock's firing order.
 */
public interface Scheduler {

    Instant now();

    ScheduledCallback schedule(Instant at, Runnable action);

    default ScheduledCallback scheduleAfter(Duration delay, Runnable action) {
        return schedule(now().plus(delay), action);
    }

    /** A scheduler on the same clock whose callbacks run through {@code decorator}. */
    default Scheduler wrapping(UnaryOperator<Runnable> decorator) {
        Scheduler root = this;
        return new Scheduler() {
            @Override
            public Instant now() {
                return root.now();
            }

            @Override
            public ScheduledCallback schedule(Instant at, Runnable action) {
                return root.schedule(at, decorator.apply(action));
            }
        };
    }
}
