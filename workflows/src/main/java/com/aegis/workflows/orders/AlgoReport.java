package com.aegis.workflows.orders;

import com.aegis.core.market.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of a parent order: the sums over its slices' execution reports, KRW.
 *
 * @param averagePrice    filledNotional / filledQuantity to 4 decimals, null without fills
 * @param unslicedQuantity shares of slices never started (the parent was canceled first)
 * @param slices          every started slice's report, in slice order
 * @param failures        slices whose workflow failed, with the reason
 */
public record AlgoReport(String workflowId, String symbol, Side side, AlgoOrder.Algo algo, long orderedQuantity,
        long filledQuantity, long filledNotional, BigDecimal averagePrice, long commission, long tax,
        long slippageKrw, long unslicedQuantity, List<OrderExecutionReport> slices, List<String> failures,
        String closeReason) {

    public AlgoReport {
        slices = List.copyOf(slices);
        failures = List.copyOf(failures);
    }

    /** Filled share of the ordered quantity, 0..1. */
    public double fillRate() {
        return (double) filledQuantity / orderedQuantity;
    }
}
