package com.aegis.core.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * The command to cancel what is left of an order (e.g. unfilled after 30 s, or by an operator).
 *
 * @param clientOrderId the order
 * @param reason        why, for the audit trail (e.g. "unfilled after 30 s")
 * @param requestedAt   when the cancel was requested
 */
public record CancelOrder(ClientOrderId clientOrderId, String reason, Instant requestedAt) {

    public CancelOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("cancel of " + clientOrderId + " needs a reason for the audit trail");
        }
    }
}
