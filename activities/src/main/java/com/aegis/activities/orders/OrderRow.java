package com.aegis.activities.orders;

import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Side;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored {@code orders} row.
 *
 * @param signalId      null when the order has no signal or its signal row did not exist when it was stored
 * @param parentOrderId null unless the order is a slice of a stored parent order
 * @param executionAlgo DIRECT, VWAP or TWAP
 * @param limitPrice    null for a MARKET order, KRW
 * @param brokerOrderNo null until the broker accepted the order
 * @param rejectReason  denial reason or broker code of a DENIED/REJECTED order, else null
 */
public record OrderRow(String clientOrderId, String workflowId, Long signalId, String parentOrderId, String account,
        LocalDate tradeDate, String symbol, Side side, OrderType type, String executionAlgo, Long limitPrice,
        long quantity, long filledQuantity, OrderStatus status, String brokerOrderNo, String rejectReason,
        Instant createdAt, Instant updatedAt, String brokerOrderKey, Long decisionPrice) {
}
