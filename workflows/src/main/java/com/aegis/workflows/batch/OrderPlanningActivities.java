package com.aegis.workflows.batch;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Turns the pre-open scores into order decisions for the day's trading control (task queue {@code aegis-orders}):
 * E1's BUY at a final score of 75 or more and SELL at 25 or less, sized by risk against the account's books. Each
 * decision is recorded as a {@code signal} row, whose id names it, and sent to the control, which starts its order
 * in AUTO mode or keeps it for an operator in MANUAL. Idempotent per date: a repeat sends the same decisions, which
 * the control recognises.
 */
@ActivityInterface
public interface OrderPlanningActivities {

    @ActivityMethod(name = "PlanPreOpenOrders")
    PlanReport planOrders(PlanRequest request);

    /**
     * @param date       the trading day the orders are for
     * @param scoresDate the session whose final scores decide
     * @param stale      true when the scores are the last good ones standing in for a failed pipeline: no new orders
     */
    record PlanRequest(LocalDate date, LocalDate scoresDate, boolean stale) {
        public PlanRequest {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(scoresDate, "scoresDate");
        }
    }

    /**
     * What was decided and sent.
     *
     * @param decisions one line per decision sent: side, shares, stock, price, score and signal id
     * @param skipped   candidates left out, with the reason (held already, too small for one share, the cap, ...)
     */
    record PlanReport(int buys, int sells, List<String> decisions, List<String> skipped, String controlWorkflowId) {
        public PlanReport {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }
    }
}
