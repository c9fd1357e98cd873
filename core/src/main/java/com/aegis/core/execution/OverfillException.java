package com.aegis.core.execution;

import com.aegis.core.execution.OrderEvent.OrderFilled;

/** A fill would take the filled quantity above the order quantity; it was not applied. */
public final class OverfillException extends IllegalStateException {

    public OverfillException(ClientOrderId orderId, OrderFilled fill, long filledBefore, long orderQuantity) {
        super("fill " + fill.tradeId() + " of " + fill.quantity() + " shares would take order " + orderId + " to "
                + (filledBefore + fill.quantity()) + " filled shares, above its " + orderQuantity
                + " ordered; it was not applied: reconcile the order with the broker");
    }
}
