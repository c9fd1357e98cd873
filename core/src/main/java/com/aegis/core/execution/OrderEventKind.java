package com.aegis.core.execution;

/**
 * One constant per record of the sealed {@link OrderEvent} interface. Java 17 has no pattern {@code switch} outside
 * preview, so the transition table switches over this tag; a test checks that every permitted event type has
 * exactly one kind and that each kind is the record's own.
 */
public enum OrderEventKind {
    INITIALIZED,
    DENIED,
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    FILLED,
    PENDING_CANCEL,
    CANCELED,
    EXPIRED,
    CANCEL_REJECTED,
    UPDATED,
    MODIFY_REJECTED
}
