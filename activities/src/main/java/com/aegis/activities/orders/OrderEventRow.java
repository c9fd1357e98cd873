package com.aegis.activities.orders;

import java.time.Instant;

/**
 * A stored {@code order_event} row.
 *
 * @param sequence the order's own event counter, from 1
 * @param payload  the event's fields as JSON text
 */
public record OrderEventRow(String clientOrderId, int sequence, String eventType, String payload,
        Instant occurredAt) {
}
