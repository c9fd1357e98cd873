package com.aegis.core.scoring;

import com.aegis.core.validation.Statistics;
import java.util.Arrays;

/**
 * Clamps a cross-section to its own percentiles so a handful of extreme values (a PBR of 80 after a capital
 * impairment) cannot dominate the mean and deviation of the z-score. Percentiles by type-7 interpolation; the result
 * always lies within the original minimum and maximum, so winsorising never widens the range.
 *
 * @param lowerPercentile values below this quantile are raised to it (e.g. 0.01)
 * @param upperPercentile values above this quantile are lowered to it (e.g. 0.99)
 */
public record Winsorizer(double lowerPercentile, double upperPercentile) {

    public Winsorizer {
        if (!(lowerPercentile >= 0 && lowerPercentile <= upperPercentile && upperPercentile <= 1)) {
            throw new IllegalArgumentException("winsorising percentiles need 0 <= lower <= upper <= 1, got "
                    + lowerPercentile + " and " + upperPercentile);
        }
    }

    /** 1st and 99th percentiles. */
    public static Winsorizer defaults() {
        return new Winsorizer(0.01, 0.99);
    }

    /** A winsorised copy of {@code values} (all finite); the input is not modified. */
    public double[] winsorise(double[] values) {
        if (values.length == 0) {
            return new double[0];
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double low = Statistics.quantileOfSorted(sorted, lowerPercentile);
        double high = Statistics.quantileOfSorted(sorted, upperPercentile);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.min(high, Math.max(low, values[i]));
        }
        return out;
    }
}
