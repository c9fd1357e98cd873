package com.aegis.workflows.orders;

import com.aegis.core.execution.Order;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;

/**
 * An order's current row (the {@code orders} table) in wire form.
 *
 * @param workflowId     the order's workflow
 * @param brokerOrderKey the idempotency key of its broker order
 * @param brokerOrderId  null until accepted
 * @param rejectReason   denial reason or broker rejection code, else null
 */
public record OrderSnapshot(String workflowId, String clientOrderId, String brokerOrderKey, String brokerOrderId,
        String accountId, String symbol, Market market, Side side, OrderType type, long quantity, long limitPrice,
        long decisionPrice, long signalId, String parentOrderId, OrderStatus status, long filledQuantity,
        long filledNotional, String rejectReason) {

    public static OrderSnapshot of(String workflowId, String brokerOrderKey, Order order) {
        SubmitOrder cmd = order.command();
        return new OrderSnapshot(workflowId, cmd.clientOrderId().value(), brokerOrderKey,
                order.brokerOrderId().map(Object::toString).orElse(null), cmd.accountId().value(),
                cmd.symbol().code(), cmd.market(), cmd.side(), cmd.type(), order.quantity(), order.limitPrice(),
                cmd.decisionPrice(), cmd.signalId().map(s -> s.value()).orElse(0L),
                cmd.parentOrderId().map(Object::toString).orElse(null), order.status(), order.filledQuantity(),
                order.filledNotional(), order.rejectReason().orElse(null));
    }
}
