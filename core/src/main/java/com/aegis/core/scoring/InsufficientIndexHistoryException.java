package com.aegis.core.scoring;

/** The index history is too short to classify the regime; load more history of the index before the date. */
public final class InsufficientIndexHistoryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InsufficientIndexHistoryException(String message) {
        super(message);
    }
}
