package com.aegis.marketsim.kis.rest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * KIS's per-app-key call limit: at most N calls admitted in any sliding one-second window, measured on the arrival
 * clock. Keeps every admitted arrival so a test can check the busiest window afterwards.
 */
final class KisRequestWindow {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> recent = new HashMap<>();
    private final Map<String, List<Long>> admitted = new HashMap<>();
    private long refused;

    KisRequestWindow(int limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    synchronized boolean admit(String appKey) {
        long now = nanoTime.getAsLong();
        Deque<Long> window = recent.computeIfAbsent(appKey, k -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            refused++;
            return false;
        }
        window.addLast(now);
        admitted.computeIfAbsent(appKey, k -> new ArrayList<>()).add(now);
        return true;
    }

    synchronized long refused() {
        return refused;
    }

    synchronized int admittedCount(String appKey) {
        return admitted.getOrDefault(appKey, List.of()).size();
    }

    /** The most calls of {@code appKey} admitted within any one-second window so far. */
    synchronized int busiestSecond(String appKey) {
        List<Long> arrivals = admitted.getOrDefault(appKey, List.of());
        int best = 0;
        int start = 0;
        for (int end = 0; end < arrivals.size(); end++) {
            while (arrivals.get(end) - arrivals.get(start) >= WINDOW_NANOS) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
}
