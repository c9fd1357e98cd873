package com.aegis.marketsim.exchange;

/**
 * The caller's idempotency key for an order: submitting the same key twice returns the first response and never
 * creates a second order.
 */
public record ClientOrderKey(String value) {

    public ClientOrderKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("client order key must not be blank");
        }
        if (value.length() > 64) {
            throw new IllegalArgumentException("client order key must be at most 64 characters, got " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
