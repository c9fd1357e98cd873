package com.aegis.core.scoring;

/**
 * Maps a cross-sectional z-score to the 0–100 final score: score = 100 · Φ(z), Φ the standard normal distribution
 * function. z = 0 (an average stock) maps to 50; z = ±0.6745 to 75 / 25, so the buy and sell thresholds select roughly
 * the best and worst quarter of a normally distributed day; the score never leaves [0, 100] and never saturates early
 * the way a clamp of 50 + 10·z would at |z| = 5.
 */
public final class ScoreMapping {

    private ScoreMapping() {
    }

    /** 100 · Φ(z). */
    public static double toScore(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z-score to map must be a number, got NaN");
        }
        return 100 * normalCdf(z);
    }

    /** ln √(2π). */
    private static final double LOG_SQRT_TWO_PI = 0.91893853320467274178;

    /**
     * Φ(z) by Marsaglia's Taylor series (J. Stat. Software 11(4), 2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …),
     * absolute error about 10⁻¹⁵. Computed for |z| and reflected, so Φ(0) = ½ and Φ(−z) = 1 − Φ(z); beyond
     * |z| = 9 the result is 0 or 1 to double precision.
     */
    public static double normalCdf(double z) {
        double x = Math.abs(z);
        if (x > 9) {
            return z > 0 ? 1.0 : 0.0;
        }
        double q = x * x;
        double sum = x;
        double term = x;
        double previous = 0;
        for (int i = 3; sum != previous; i += 2) {
            previous = sum;
            term *= q / i;
            sum += term;
        }
        double upperTail = 0.5 - sum * Math.exp(-0.5 * q - LOG_SQRT_TWO_PI);
        return z >= 0 ? 1 - upperTail : upperTail;
    }
}
