package com.aegis.core.scoring;

import com.aegis.core.validation.Statistics;

/** Cross-sectional standardisation: z = (x − mean) / population standard deviation. */
public final class ZScores {

    private ZScores() {
    }

    /**
     * The z-scores of {@code values} (all finite). When every value is the same there is no spread to measure and
     * every z-score is 0 (the stock is exactly average), rather than a division by zero.
     */
    public static double[] of(double[] values) {
        double[] out = new double[values.length];
        if (values.length == 0) {
            return out;
        }
        double mean = Statistics.mean(values);
        double sd = Statistics.populationStdDev(values);
        if (sd == 0 || !Double.isFinite(sd)) {
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - mean) / sd;
        }
        return out;
    }
}
