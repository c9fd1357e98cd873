package com.aegis.workflows.orders;

import com.aegis.core.execution.ExecutionReport;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.market.Side;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Core's {@link ExecutionReport} in wire form (the {@code execution_report} row), plus the reject reason: what the
 * order asked for, what it got and what it cost, KRW.
 *
 * @param averagePrice null without fills
 * @param slippageKrw  positive = cost against the decision price
 * @param rejectReason denial reason or broker code for DENIED/REJECTED, else null
 * @param closeReason  why the order ended (cancel reason, fill, denial), for the trader
 */
public record OrderExecutionReport(String workflowId, String clientOrderId, String brokerOrderId, String symbol,
        Side side, OrderStatus status, long orderedQuantity, long filledQuantity, long filledNotional,
        BigDecimal averagePrice, long decisionPrice, long commission, long tax, long netCash, long slippageKrw,
        double slippageBps, int fillCount, Instant firstFillAt, Instant lastFillAt, String rejectReason,
        String closeReason) {

    public static OrderExecutionReport of(String workflowId, String brokerOrderId, ExecutionReport r,
            String rejectReason, String closeReason) {
        return new OrderExecutionReport(workflowId, r.clientOrderId().value(), brokerOrderId, r.symbol().code(),
                r.side(), r.status(), r.orderedQuantity(), r.filledQuantity(), r.filledNotional(),
                r.averagePrice().orElse(null), r.decisionPrice(), r.commission(), r.tax(), r.netCash(),
                r.slippageKrw(), r.slippageBps(), r.fillCount(), r.firstFillAt().orElse(null),
                r.lastFillAt().orElse(null), rejectReason, closeReason);
    }

    /** Commission plus tax, KRW. */
    public long totalCost() {
        return commission + tax;
    }
}
