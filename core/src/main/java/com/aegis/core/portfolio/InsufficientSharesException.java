package com.aegis.core.portfolio;

/** A sell fill for more shares than the position holds; it was not booked. */
public final class InsufficientSharesException extends IllegalStateException {

    public InsufficientSharesException(Trade trade, long held) {
        super("sell " + trade.tradeId() + " of " + trade.quantity() + " shares of " + trade.symbol()
                + " exceeds the " + held + " shares held; not booked: reconcile positions with the broker");
    }
}
