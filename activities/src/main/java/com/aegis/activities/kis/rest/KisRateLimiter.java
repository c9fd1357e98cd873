package com.aegis.activities.kis.rest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * KIS's per-account call limit, enforced before sending: at most {@code callsPerSecond} calls per account are in
 * flight or finished within the last second (plus a small margin). A slot is reused only a second after the call
 * that held it <em>finished</em>, and KIS counted that call before it answered, so however the network delays
 * requests, KIS never sees more than the limit in any one-second window. Callers block and are served first come,
 * first served.
 */
public final class KisRateLimiter {

    private final int callsPerSecond;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, AccountWindow> windows = new ConcurrentHashMap<>();

    /** A granted call; close it when the answer (or failure) is in, which starts the slot's one-second rest. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final class AccountWindow {
        // The turnstile queues callers fairly; only its holder waits for a free slot.
        final ReentrantLock turnstile = new ReentrantLock(true);
        final ReentrantLock state = new ReentrantLock();
        final Condition released = state.newCondition();
        final ArrayDeque<Long> finishes = new ArrayDeque<>();
        int inFlight;

        Permit acquire() throws InterruptedException {
            turnstile.lockInterruptibly();
            try {
                state.lockInterruptibly();
                try {
                    while (true) {
                        long now = nanoTime.getAsLong();
                        while (!finishes.isEmpty() && now - finishes.peekFirst() >= windowNanos) {
                            finishes.pollFirst();
                        }
                        if (inFlight + finishes.size() < callsPerSecond) {
                            inFlight++;
                            return this::release;
                        }
                        if (finishes.isEmpty()) {
                            released.await();
                        } else {
                            released.awaitNanos(finishes.peekFirst() + windowNanos - now);
                        }
                    }
                } finally {
                    state.unlock();
                }
            } finally {
                turnstile.unlock();
            }
        }

        private void release() {
            state.lock();
            try {
                inFlight--;
                finishes.addLast(nanoTime.getAsLong());
                released.signalAll();
            } finally {
                state.unlock();
            }
        }
    }

    public KisRateLimiter(int callsPerSecond, Duration safetyMargin, LongSupplier nanoTime) {
        if (callsPerSecond <= 0) {
            throw new IllegalArgumentException("callsPerSecond must be positive, got " + callsPerSecond);
        }
        this.callsPerSecond = callsPerSecond;
        this.windowNanos = Duration.ofSeconds(1).plus(Objects.requireNonNull(safetyMargin, "safetyMargin")).toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The broker's documented limit for the environment (18/s live, 2/s paper) with a 20 ms margin. */
    public static KisRateLimiter forEnvironment(KisEnvironment environment) {
        return new KisRateLimiter(environment.defaultCallsPerSecond(), Duration.ofMillis(20), System::nanoTime);
    }

    public int callsPerSecond() {
        return callsPerSecond;
    }

    /** Blocks until the account may make one more call; close the permit when the call is over. */
    public Permit acquire(String accountKey) {
        AccountWindow window = windows.computeIfAbsent(accountKey, k -> new AccountWindow());
        try {
            return window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisException(KisErrorKind.INTERRUPTED, "INTERRUPTED",
                    "interrupted while waiting for the KIS per-second call limit");
        }
    }
}
