package com.aegis.marketsim.exchange;

/** The answer to a {@link ModifyOrder}. */
public sealed interface ModifyResponse permits OrderModified, OrderRejected {
}
