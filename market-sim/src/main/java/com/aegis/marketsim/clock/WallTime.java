package com.aegis.marketsim.clock;

/**
 * The wall-time source behind the real-time and accelerated modes. Injected so those modes can be tested with a
 * fake; the system one uses {@link System#nanoTime()} and parks the thread.
 */
public interface WallTime {

    /** Monotonic wall time in nanoseconds. */
    long nanoTime();

    /** Blocks for up to {@code nanos} wall nanoseconds (may return early). */
    void sleepNanos(long nanos) throws InterruptedException;

    static WallTime system() {
        return new WallTime() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
                }
            }
        };
    }
}
