package com.aegis.activities.kis.rest;

import java.util.Objects;

/** The order number (ODNO) KIS assigns to an order, a modify or a cancel. */
public record KisOrderNumber(String value) {

    public KisOrderNumber {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a KIS order number (ODNO) cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
