package com.aegis.core.execution;

/**
 * The id of the trading signal an order was created for (the {@code signal} table's identity column).
 *
 * @param value positive
 */
public record SignalId(long value) {

    public SignalId {
        if (value <= 0) {
            throw new IllegalArgumentException("SignalId must be positive, got " + value);
        }
    }

    public static SignalId of(long value) {
        return new SignalId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
