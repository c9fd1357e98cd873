package com.aegis.core.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IQR outlier filter: a value is accepted when it lies within [Q1 − k·IQR, Q3 + k·IQR] of its cross-section
 * (quartiles by {@link Statistics#quantileOfSorted type-7 interpolation}). k = 1.5 is Tukey's "outlier", 3.0 his
 * "far out"; market data has fat tails, so collectors usually pass 3.0. Samples with fewer than four finite values
 * cannot show a spread: they are accepted with unbounded fences.
 *
 * @param k fence multiplier, positive
 */
public record TukeyFences(double k) {

    /** Smallest sample for which quartiles mean anything. */
    public static final int MIN_SAMPLE = 4;

    public TukeyFences {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("Tukey fence multiplier k must be a positive number, got " + k);
        }
    }

    /** The fences of the finite values in {@code values}. */
    public Bounds fencesOf(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length < MIN_SAMPLE) {
            return Bounds.UNBOUNDED;
        }
        double q1 = Statistics.quantileOfSorted(sorted, 0.25);
        double q3 = Statistics.quantileOfSorted(sorted, 0.75);
        double iqr = q3 - q1;
        return new Bounds(q1 - k * iqr, q3 + k * iqr);
    }

    /** Splits {@code values} (by key, e.g. symbol) into accepted ones and rejections with reason and fences. */
    public ValidationOutcome filter(String field, Map<String, Double> values) {
        Bounds fences = fencesOf(values.values().stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, Double> accepted = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!Double.isFinite(value)) {
                rejected.add(new Rejection(field, key, value, RejectionReason.NOT_FINITE, fences));
            } else if (!fences.contains(value)) {
                rejected.add(new Rejection(field, key, value, RejectionReason.OUTSIDE_TUKEY_FENCES, fences));
            } else {
                accepted.put(key, value);
            }
        });
        return new ValidationOutcome(field, accepted, rejected);
    }
}
