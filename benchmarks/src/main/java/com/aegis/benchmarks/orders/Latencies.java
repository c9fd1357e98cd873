package com.aegis.benchmarks.orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in milliseconds, summarised by nearest-rank percentiles. */
public final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    public void add(double value) {
        millis.add(value);
    }

    public int count() {
        return millis.size();
    }

    /** The nearest-rank percentile {@code p} (0 &lt; p &le; 100). */
    public double percentile(double p) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double max() {
        return percentile(100);
    }

    public double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
