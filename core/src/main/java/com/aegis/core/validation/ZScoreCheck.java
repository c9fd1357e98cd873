package com.aegis.core.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Z-score validation: a value is accepted when |x − mean| ≤ maxAbsZ · sd, with the population standard deviation.
 * A cross-section with fewer than {@link #MIN_SAMPLE} finite values, or a history that short, is accepted unbounded;
 * a sample without spread (sd = 0) accepts exactly its mean. Because one huge value inflates the standard deviation
 * and hides itself, run {@link TukeyFences} first (see {@link CrossSectionValidator}).
 *
 * @param maxAbsZ largest accepted |z|, positive
 */
public record ZScoreCheck(double maxAbsZ) {

    /** Smallest sample whose mean and deviation are used. */
    public static final int MIN_SAMPLE = 3;

    public ZScoreCheck {
        if (!(maxAbsZ > 0) || Double.isInfinite(maxAbsZ)) {
            throw new IllegalArgumentException("maximum |z| must be a positive number, got " + maxAbsZ);
        }
    }

    /** The accepted interval for a sample. */
    public Bounds boundsOf(double[] sample) {
        double[] finite = Arrays.stream(sample).filter(Double::isFinite).toArray();
        if (finite.length < MIN_SAMPLE) {
            return Bounds.UNBOUNDED;
        }
        double mean = Statistics.mean(finite);
        double sd = Statistics.populationStdDev(finite);
        return new Bounds(mean - maxAbsZ * sd, mean + maxAbsZ * sd);
    }

    /** Checks every value of a cross-section against the mean and deviation of that same cross-section. */
    public ValidationOutcome crossSection(String field, Map<String, Double> values) {
        Bounds bounds = boundsOf(values.values().stream().mapToDouble(Double::doubleValue).toArray());
        Map<String, Double> accepted = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        values.forEach((key, value) -> {
            Optional<Rejection> rejection = judge(field, key, value, bounds);
            if (rejection.isPresent()) {
                rejected.add(rejection.get());
            } else {
                accepted.put(key, value);
            }
        });
        return new ValidationOutcome(field, accepted, rejected);
    }

    /**
     * Checks a new observation of a field against that field's own history (e.g. today's close of one stock against
     * its last 60 closes); empty when accepted.
     */
    public Optional<Rejection> againstHistory(String field, String key, double[] history, double value) {
        return judge(field, key, value, boundsOf(history));
    }

    private static Optional<Rejection> judge(String field, String key, double value, Bounds bounds) {
        if (!Double.isFinite(value)) {
            return Optional.of(new Rejection(field, key, value, RejectionReason.NOT_FINITE, bounds));
        }
        if (!bounds.contains(value)) {
            return Optional.of(new Rejection(field, key, value, RejectionReason.Z_SCORE_EXCEEDED, bounds));
        }
        return Optional.empty();
    }
}
