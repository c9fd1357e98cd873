package com.aegis.core.execution;

import com.aegis.core.execution.OrderEvent.OrderFilled;

/** A trade id that was already applied came back with another price or quantity: the fill feeds disagree. */
public final class ConflictingFillException extends IllegalStateException {

    public ConflictingFillException(OrderFilled known, OrderFilled incoming) {
        super("trade " + known.tradeId() + " of order " + known.clientOrderId() + " was applied as "
                + known.quantity() + " shares at " + known.price() + " KRW and now arrives as " + incoming.quantity()
                + " shares at " + incoming.price() + " KRW; the second notice was not applied: reconcile the fills"
                + " with the broker");
    }
}
