package com.aegis.core.validation;

import java.util.Arrays;

/**
 * Descriptive statistics used across validation, factors and scoring, so every package computes a quantile or a
 * standard deviation the same way. Inputs must be finite; callers filter NaN first.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Arithmetic mean; NaN for an empty array. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population standard deviation (divides by n), the one cross-sectional z-scores use; NaN when empty. */
    public static double populationStdDev(double[] values) {
        return Math.sqrt(sumOfSquaredDeviations(values) / values.length);
    }

    /** Sample standard deviation (divides by n − 1), used for time-series volatility; NaN for fewer than 2 values. */
    public static double sampleStdDev(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        return Math.sqrt(sumOfSquaredDeviations(values) / (values.length - 1));
    }

    private static double sumOfSquaredDeviations(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            double d = v - mean;
            sum += d * d;
        }
        return sum;
    }

    /**
     * Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, the default of R and NumPy):
     * position h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
     *
     * @param sortedValues values in ascending order, at least one
     * @param p            probability in [0, 1]
     */
    public static double quantileOfSorted(double[] sortedValues, double p) {
        if (sortedValues.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample is undefined: pass at least one value");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be within [0, 1], got " + p);
        }
        double h = (sortedValues.length - 1) * p;
        int lower = (int) Math.floor(h);
        int upper = Math.min(lower + 1, sortedValues.length - 1);
        return sortedValues[lower] + (h - lower) * (sortedValues[upper] - sortedValues[lower]);
    }

    /** Type-7 quantile of unsorted values (the input is not modified). */
    public static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, p);
    }

    /** Median (type-7 quantile at 0.5); NaN for an empty array. */
    public static double median(double[] values) {
        return values.length == 0 ? Double.NaN : quantile(values, 0.5);
    }
}
