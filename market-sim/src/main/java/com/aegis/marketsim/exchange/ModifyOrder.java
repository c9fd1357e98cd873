package com.aegis.marketsim.exchange;

import java.util.Objects;

/**
 * Command: change an open order (정정). A new price re-queues the order with fresh time priority (and it may trade at
 * once); the same price with a smaller {@code newQuantity} keeps its place. {@code newQuantity} is the new open
 * quantity and may not exceed the current open quantity (a larger order is a new order).
 */
public record ModifyOrder(AccountId account, ExchangeOrderId orderId, long newPrice, long newQuantity) {

    public ModifyOrder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(orderId, "orderId");
    }
}
