package com.aegis.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Wall times of repeated runs, in milliseconds, summarised as min / median / max. */
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

    private List<Double> sorted() {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> s = new ArrayList<>(millis);
        Collections.sort(s);
        return s;
    }
}
