package com.aegis.core.validation;

import java.util.Objects;

/**
 * One value that failed validation, with enough context for an operator to find and fix it.
 *
 * @param field  what was measured, e.g. {@code "close"} or {@code "PBR"}
 * @param key    which observation, e.g. the symbol or the date
 * @param value  the rejected value as received
 * @param reason which check failed
 * @param bounds the interval the value had to lie in
 */
public record Rejection(String field, String key, double value, RejectionReason reason, Bounds bounds) {

    public Rejection {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(bounds, "bounds");
    }

    /**
     * A one-line explanation, e.g.
     * {@code close of 005930 = 9.9E9 rejected (OUTSIDE_TUKEY_FENCES): allowed [1.0, 2.0]}.
     */
    public String message() {
        return field + " of " + key + " = " + value + " rejected (" + reason + "): allowed " + bounds;
    }
}
