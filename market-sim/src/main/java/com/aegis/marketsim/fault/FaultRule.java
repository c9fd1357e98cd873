package com.aegis.marketsim.fault;

import java.time.Duration;

/**
 * The faults one kind of call suffers: its latency, and the probabilities (0..1) that it fails with an error, returns
 * a malformed body, or returns data that is {@code staleBy} old.
 */
public record FaultRule(LatencyDistribution latency, double errorRate, double malformedRate, double staleRate,
                        Duration staleBy) {

    public static final FaultRule NONE = new FaultRule(LatencyDistribution.NONE, 0, 0, 0, Duration.ZERO);

    public FaultRule {
        if (latency == null) {
            throw new IllegalArgumentException("a fault rule needs a latency distribution (use fixed(0) for none)");
        }
        requireProbability("errorRate", errorRate);
        requireProbability("malformedRate", malformedRate);
        requireProbability("staleRate", staleRate);
        if (staleBy == null || staleBy.isNegative()) {
            throw new IllegalArgumentException("staleBy must be zero or positive, got " + staleBy);
        }
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability within 0..1, got " + p);
        }
    }
}
