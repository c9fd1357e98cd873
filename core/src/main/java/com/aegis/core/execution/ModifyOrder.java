package com.aegis.core.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * The command to change a resting limit order's total quantity and limit price (KIS 정정주문).
 *
 * @param clientOrderId the order
 * @param newQuantity   the new total quantity (including what is already filled), at least 1
 * @param newLimitPrice the new limit price in KRW, positive
 * @param requestedAt   when the change was requested
 */
public record ModifyOrder(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice, Instant requestedAt) {

    public ModifyOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (newQuantity <= 0 || newLimitPrice <= 0) {
            throw new IllegalArgumentException("modify of " + clientOrderId + " needs a positive quantity and limit"
                    + " price, got " + newQuantity + " shares at " + newLimitPrice + " KRW");
        }
    }
}
