package com.aegis.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Wall times of repeated runs, in milliseconds, summarised as min / median / max, nearest-rank percentiles, mean. */
public final class Samples {

    private final List<Double> millis = new ArrayList<>();

    public void add(double value) {
        millis.add(value);
    }

    public int count() {
        return millis.size();
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        return sorted().get(millis.size() - 1);
    }

    /** The median; the mean of the middle two for an even count. */
    public double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The nearest-rank percentile {@code p} (0 &lt; p &le; 100). */
    public double percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        List<Double> s = sorted();
        int rank = (int) Math.ceil(p / 100 * s.size());
        return s.get(Math.max(0, rank - 1));
    }

    public double p50() {
        return percentile(50);
    }

    public double p99() {
        return percentile(99);
    }

    public double mean() {
        return sorted().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private List<Double> sorted() {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> s = new ArrayList<>(millis);
        Collections.sort(s);
        return s;
    }
}
