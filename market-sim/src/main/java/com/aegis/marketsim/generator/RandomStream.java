package com.aegis.marketsim.generator;

import java.util.SplittableRandom;

/**
 * A seeded random stream for one purpose and one entity (a stock, a sector, the market). Streams are derived from the
 * root seed by hashing (purpose, index), so what one stock draws never depends on how many draws another stock made,
 * on iteration order or on the thread count. Only {@link StrictMath} is used, so results are identical on every JVM.
 */
final class RandomStream {

    enum Purpose {
        UNIVERSE, NAMES, CODES, LISTING, STATUS, FUNDAMENTALS, DISCLOSURES, STOCK_RETURNS, STOCK_INTRADAY,
        MARKET, SECTOR, GLOBAL, INDEX
    }

    private final SplittableRandom random;
    private double spareNormal;
    private boolean hasSpare;

    private RandomStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static RandomStream of(long rootSeed, Purpose purpose, long index) {
        long h = mix64(rootSeed ^ 0x9E3779B97F4A7C15L);
        h = mix64(h ^ (purpose.ordinal() + 1L) * 0xBF58476D1CE4E5B9L);
        h = mix64(h ^ (index + 1L) * 0x94D049BB133111EBL);
        return new RandomStream(h);
    }

    /** SplitMix64 finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform integer in [lo, hi] inclusive. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal by the Marsaglia polar method. */
    double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double m = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareNormal = v * m;
        hasSpare = true;
        return u * m;
    }

    /** Student-t with {@code dof} degrees of freedom (integer, > 2), scaled to unit variance. */
    double studentT(int dof) {
        double z = normal();
        double chi2 = 0;
        for (int i = 0; i < dof; i++) {
            double n = normal();
            chi2 += n * n;
        }
        double t = z / StrictMath.sqrt(chi2 / dof);
        return t * StrictMath.sqrt((dof - 2.0) / dof);
    }

    /** Log-normal with the given median and log standard deviation. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * normal());
    }

    /** Number of events of a Poisson process with the given mean (small means only). */
    int poisson(double mean) {
        double l = StrictMath.exp(-mean);
        int k = 0;
        double p = 1.0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
