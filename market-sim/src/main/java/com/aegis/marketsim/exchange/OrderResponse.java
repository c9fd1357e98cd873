package com.aegis.marketsim.exchange;

/** The answer to a {@link NewOrder}: accepted with an exchange order number, or rejected with a reason. */
public sealed interface OrderResponse permits OrderAccepted, OrderRejected {

    ClientOrderKey clientKey();

    default boolean isAccepted() {
        return this instanceof OrderAccepted;
    }
}
