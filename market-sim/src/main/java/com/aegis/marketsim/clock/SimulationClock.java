package com.aegis.marketsim.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The only source of time in the simulator, and the scheduler of timed callbacks in simulated time.
 *
 * <p>Three modes: {@link ClockMode#STEPPED} (time moves only through {@link #advance}/{@link #advanceTo}, so a test
 * decides exactly when every callback fires), {@link ClockMode#REAL_TIME} and {@link ClockMode#ACCELERATED} (simulated
 * time is derived from a {@link WallTime} and callbacks fire from {@link #runUntil} or {@link #runDueCallbacks}).
 * Only the last two read wall time, and only through the injected {@link WallTime}.
 *
 * <p>Callbacks fire in (due time, scheduling order); while one runs, {@link #now()} reads its due time (in the
 * wall-driven modes, never earlier than a time already reported), so the events it produces carry the planned instant.
 */
public final class SimulationClock implements Scheduler {

    /** Simulated seconds per wall second for a 6.5 h trading day in about two minutes. */
    public static final double TRADING_DAY_IN_TWO_MINUTES = 195.0;

    private static final Comparator<ScheduledCallback> FIRING_ORDER =
            Comparator.comparing(ScheduledCallback::dueAt).thenComparingLong(ScheduledCallback::sequence);

    private final ClockMode mode;
    private final double factor;
    private final WallTime wallTime;
    private final PriorityQueue<ScheduledCallback> due = new PriorityQueue<>(FIRING_ORDER);

    private Instant anchorSimTime;
    private long anchorWallNanos;
    private Instant steppedNow;
    private Instant pinnedNow;
    private Instant lastReported;
    private long sequence;

    private SimulationClock(ClockMode mode, Instant start, double factor, WallTime wallTime) {
        this.mode = mode;
        this.factor = factor;
        this.wallTime = wallTime;
        this.anchorSimTime = start;
        this.anchorWallNanos = wallTime == null ? 0L : wallTime.nanoTime();
        this.steppedNow = start;
        this.lastReported = start;
    }

    /** A clock that moves only when told to: the deterministic mode for tests and backtests. */
    public static SimulationClock stepped(Instant start) {
        return new SimulationClock(ClockMode.STEPPED, Objects.requireNonNull(start, "start"), 1.0, null);
    }

    /** Simulated time starts at {@code start} and runs at wall speed. */
    public static SimulationClock realTime(Instant start, WallTime wallTime) {
        return new SimulationClock(ClockMode.REAL_TIME, Objects.requireNonNull(start, "start"), 1.0,
                Objects.requireNonNull(wallTime, "wallTime"));
    }

    /** Simulated time starts at {@code start} and runs {@code factor} times faster than wall time. */
    public static SimulationClock accelerated(Instant start, double factor, WallTime wallTime) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("acceleration factor must be a positive finite number, got " + factor);
        }
        return new SimulationClock(ClockMode.ACCELERATED, Objects.requireNonNull(start, "start"), factor,
                Objects.requireNonNull(wallTime, "wallTime"));
    }

    public ClockMode mode() {
        return mode;
    }

    public double factor() {
        return factor;
    }

    /** Current simulated time; never moves backwards. */
    @Override
    public synchronized Instant now() {
        Instant t;
        if (pinnedNow != null) {
            t = pinnedNow;
        } else if (mode == ClockMode.STEPPED) {
            t = steppedNow;
        } else {
            long elapsedWall = wallTime.nanoTime() - anchorWallNanos;
            t = anchorSimTime.plusNanos((long) (elapsedWall * factor));
        }
        if (t.isBefore(lastReported)) {
            t = lastReported;
        }
        lastReported = t;
        return t;
    }

    /** This clock as a {@link java.time.Clock} in UTC, for code that takes the time of the venue as a {@code Clock}. */
    public java.time.Clock asClock() {
        SimulationClock self = this;
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                if (zone.equals(java.time.ZoneOffset.UTC)) {
                    return this;
                }
                throw new UnsupportedOperationException("the simulation clock is kept in UTC");
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }

    /** Runs {@code action} at simulated time {@code at} (or at the next firing opportunity if already past). */
    @Override
    public synchronized ScheduledCallback schedule(Instant at, Runnable action) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        ScheduledCallback callback = new ScheduledCallback(at, sequence++, action);
        due.add(callback);
        return callback;
    }

    /** Runs {@code action} after {@code delay} of simulated time. */
    @Override
    public ScheduledCallback scheduleAfter(Duration delay, Runnable action) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return schedule(now().plus(delay), action);
    }

    /** Number of callbacks waiting to fire (cancelled ones included until they are reached). */
    public synchronized int pendingCallbacks() {
        return due.size();
    }

    /** Stepped mode: moves time forward by {@code step}, firing every callback due on the way, in order. */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("cannot advance a clock by a negative duration " + step);
        }
        advanceTo(now().plus(step));
    }

    /** Stepped mode: moves time forward to {@code target}, firing every callback due up to and including it. */
    public void advanceTo(Instant target) {
        requireStepped("advanceTo");
        Instant current = now();
        if (target.isBefore(current)) {
            throw new IllegalArgumentException("cannot move the simulation clock back from " + current + " to " + target);
        }
        while (true) {
            ScheduledCallback next;
            synchronized (this) {
                next = due.peek();
                if (next == null || next.dueAt().isAfter(target)) {
                    steppedNow = target;
                    lastReported = target;
                    return;
                }
                due.poll();
                if (next.dueAt().isAfter(steppedNow)) {
                    steppedNow = next.dueAt();
                }
            }
            if (!next.isCancelled()) {
                next.run();
            }
        }
    }

    /**
     * Runs until simulated time reaches {@code target}, firing callbacks as they come due. In stepped mode this is
     * {@link #advanceTo}; in the wall-driven modes it waits in wall time (target minus now, divided by the factor).
     */
    public void runUntil(Instant target) throws InterruptedException {
        if (mode == ClockMode.STEPPED) {
            advanceTo(target);
            return;
        }
        while (true) {
            runDueCallbacks();
            Instant now = now();
            if (!now.isBefore(target)) {
                return;
            }
            Instant wakeAt = target;
            synchronized (this) {
                ScheduledCallback next = due.peek();
                if (next != null && next.dueAt().isBefore(wakeAt)) {
                    wakeAt = next.dueAt();
                }
            }
            long simNanos = Duration.between(now, wakeAt).toNanos();
            wallTime.sleepNanos(Math.max(1L, (long) Math.ceil(simNanos / factor)));
        }
    }

    /** Fires every callback due by now; the pump for a driver thread in the wall-driven modes. Returns how many ran. */
    public int runDueCallbacks() {
        int fired = 0;
        while (true) {
            ScheduledCallback next;
            synchronized (this) {
                next = due.peek();
                if (next == null || next.dueAt().isAfter(now())) {
                    return fired;
                }
                due.poll();
                if (next.isCancelled()) {
                    continue;
                }
                if (mode != ClockMode.STEPPED) {
                    pinnedNow = next.dueAt().isBefore(lastReported) ? lastReported : next.dueAt();
                }
            }
            try {
                next.run();
                fired++;
            } finally {
                synchronized (this) {
                    pinnedNow = null;
                }
            }
        }
    }

    private void requireStepped(String operation) {
        if (mode != ClockMode.STEPPED) {
            throw new IllegalStateException(operation + " needs a STEPPED clock; this clock runs in " + mode
                    + " mode, use runUntil instead");
        }
    }
}
