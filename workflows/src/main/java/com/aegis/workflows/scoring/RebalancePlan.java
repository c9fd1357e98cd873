package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly rebalance targets persisted in {@code rebalance_target}.
 *
 * @param planDate   the date of the plan (the Saturday of the weekly job)
 * @param scoresDate the scores it is built from
 * @param targets    symbol and target weight, strongest score first
 */
public record RebalancePlan(LocalDate planDate, LocalDate scoresDate, List<Target> targets) {

    /** One target position. */
    public record Target(String symbol, double finalScore, double weight) {
    }

    public RebalancePlan {
        targets = List.copyOf(targets);
    }
}
