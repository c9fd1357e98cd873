package com.aegis.marketsim.exchange;

/** The answer to a {@link CancelOrder}. */
public sealed interface CancelResponse permits OrderCancelled, OrderRejected {
}
