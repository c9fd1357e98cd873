package com.aegis.core.execution;

/**
 * Our own id of an order, derived from the order workflow's id so a retry can never place a second order.
 *
 * @param value non-blank, at most 128 characters, no whitespace
 */
public record ClientOrderId(String value) {

    public ClientOrderId {
        Identifiers.requireValid("ClientOrderId", value);
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
