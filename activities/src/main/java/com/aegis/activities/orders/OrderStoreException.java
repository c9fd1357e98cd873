package com.aegis.activities.orders;

/**
 * An order could not be stored; the message names the order and what is wrong with it. Not an
 * {@link IllegalArgumentException}, so Temporal keeps retrying the activity: a missing instrument row can be loaded,
 * a schema can be migrated, and the order's history must not be dropped meanwhile.
 */
public final class OrderStoreException extends RuntimeException {

    public OrderStoreException(String message) {
        super(message);
    }

    public OrderStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
