package com.aegis.marketsim.fault;

import java.time.Duration;

/**
 * The verdict for one request: wait {@code latency}, then act per {@code outcome}; {@code staleBy} is how old the
 * served data is for {@link FaultOutcome#STALE} (zero otherwise).
 */
public record FaultDecision(FaultOutcome outcome, Duration latency, Duration staleBy) {

    public static final FaultDecision CLEAN = new FaultDecision(FaultOutcome.PROCEED, Duration.ZERO, Duration.ZERO);
}
