package com.aegis.core.portfolio;

/** What happened to a booking request. */
public enum PostingOutcome {
    /** Booked. */
    POSTED,
    /** The same entry (type, reference and amount) was already booked; nothing changed. */
    DUPLICATE_IGNORED
}
