package com.aegis.marketsim.exchange;

import java.util.Objects;

/** Command: cancel the whole open quantity of an order (취소). */
public record CancelOrder(AccountId account, ExchangeOrderId orderId) {

    public CancelOrder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(orderId, "orderId");
    }
}
