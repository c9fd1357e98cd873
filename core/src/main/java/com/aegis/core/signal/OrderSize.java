package com.aegis.core.signal;

import java.util.Objects;

/**
 * A sized order.
 *
 * @param quantity whole shares, a multiple of the lot, ≥ 0 (0: nothing to trade)
 * @param limit    the bound that decided the quantity
 */
public record OrderSize(long quantity, SizeLimit limit) {

    public OrderSize {
        Objects.requireNonNull(limit, "limit");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative, got " + quantity);
        }
    }

    public boolean isEmpty() {
        return quantity == 0;
    }
}
