package com.aegis.core.execution;

/**
 * The broker's order number (KIS 주문번호), known once the broker has accepted the order.
 *
 * @param value non-blank, at most 128 characters, no whitespace
 */
public record BrokerOrderId(String value) {

    public BrokerOrderId {
        Identifiers.requireValid("BrokerOrderId", value);
    }

    public static BrokerOrderId of(String value) {
        return new BrokerOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
