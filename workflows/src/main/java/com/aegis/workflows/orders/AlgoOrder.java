package com.aegis.workflows.orders;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A parent order to execute over a horizon (E4), the input of {@link ExecutionAlgoWorkflow}.
 *
 * @param parent        the whole order; its quantity is split into slices, its limit price, decision price, signal
 *                      and policy carry over to every slice
 * @param algo          TWAP (equal slices) or VWAP (slices in proportion to {@code volumeProfile})
 * @param horizon       time over which the slices start, from the workflow's start
 * @param buckets       number of equal time buckets for TWAP; ignored for VWAP (one bucket per profile entry)
 * @param volumeProfile historical volume per bucket for VWAP (e.g. the 20-day average per 10 minutes); empty for TWAP
 */
public record AlgoOrder(OrderDecision parent, Algo algo, Duration horizon, int buckets, List<Long> volumeProfile) {

    /** The slicing method. */
    public enum Algo { TWAP, VWAP }

    public AlgoOrder {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(algo, "algo");
        Objects.requireNonNull(horizon, "horizon");
        volumeProfile = volumeProfile == null ? List.of() : List.copyOf(volumeProfile);
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
        if (algo == Algo.TWAP && buckets < 1) {
            throw new IllegalArgumentException("a TWAP needs at least one bucket, got " + buckets);
        }
        if (algo == Algo.VWAP && volumeProfile.isEmpty()) {
            throw new IllegalArgumentException("a VWAP needs a volume profile");
        }
    }

    /** {@code algo-<date>-<symbol>-<side>-<signal>}: the parent's workflow ID, one per signal like a single order. */
    public String workflowId() {
        return "algo-" + parent.workflowId().substring("order-".length());
    }
}
