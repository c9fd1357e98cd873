package com.aegis.marketsim.fault;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long a simulated call takes. {@code FIXED}: always {@code medianMillis}. {@code UNIFORM}: evenly between
 * {@code minMillis} and {@code maxMillis}. {@code LOG_NORMAL}: median {@code medianMillis}, 99th percentile
 * {@code p99Millis}, never below {@code minMillis} nor above {@code maxMillis} (the heavy tail real APIs show).
 */
public record LatencyDistribution(Kind kind, long minMillis, long medianMillis, long p99Millis, long maxMillis) {

    public enum Kind { FIXED, UNIFORM, LOG_NORMAL }

    private static final double Z99 = 2.326_347_874;

    public static final LatencyDistribution NONE = fixed(0);

    public LatencyDistribution {
        if (kind == null) {
            throw new IllegalArgumentException("latency kind is required: FIXED, UNIFORM or LOG_NORMAL");
        }
        if (minMillis < 0 || medianMillis < 0 || p99Millis < 0 || maxMillis < 0) {
            throw new IllegalArgumentException("latencies must not be negative: min " + minMillis + ", median "
                    + medianMillis + ", p99 " + p99Millis + ", max " + maxMillis);
        }
        if (kind == Kind.UNIFORM && minMillis > maxMillis) {
            throw new IllegalArgumentException("uniform latency needs min <= max, got " + minMillis + " > " + maxMillis);
        }
        if (kind == Kind.LOG_NORMAL && (medianMillis <= 0 || p99Millis < medianMillis || maxMillis < minMillis)) {
            throw new IllegalArgumentException("log-normal latency needs 0 < median <= p99 and min <= max, got median "
                    + medianMillis + ", p99 " + p99Millis + ", min " + minMillis + ", max " + maxMillis);
        }
    }

    public static LatencyDistribution fixed(long millis) {
        return new LatencyDistribution(Kind.FIXED, millis, millis, millis, millis);
    }

    public static LatencyDistribution uniform(long minMillis, long maxMillis) {
        return new LatencyDistribution(Kind.UNIFORM, minMillis, (minMillis + maxMillis) / 2, maxMillis, maxMillis);
    }

    public static LatencyDistribution logNormal(long medianMillis, long p99Millis, long maxMillis) {
        return new LatencyDistribution(Kind.LOG_NORMAL, 0, medianMillis, p99Millis, maxMillis);
    }

    Duration sample(SplittableRandom rng) {
        return switch (kind) {
            case FIXED -> Duration.ofMillis(medianMillis);
            case UNIFORM -> Duration.ofMillis(minMillis + (maxMillis == minMillis ? 0
                    : rng.nextLong(maxMillis - minMillis + 1)));
            case LOG_NORMAL -> {
                double sigma = Math.log((double) p99Millis / medianMillis) / Z99;
                double u1 = 1.0 - rng.nextDouble();
                double u2 = rng.nextDouble();
                double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                double micros = medianMillis * 1000.0 * Math.exp(sigma * z);
                long bounded = Math.max(minMillis * 1000, Math.min(maxMillis * 1000, Math.round(micros)));
                yield Duration.ofNanos(bounded * 1000);
            }
        };
    }
}
