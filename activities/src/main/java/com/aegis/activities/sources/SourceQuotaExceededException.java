package com.aegis.activities.sources;

import java.time.LocalDate;

/**
 * The daily request quota of a key is spent: either the provider said so (OpenDART 020) or we refused locally
 * before asking. Not retryable until the quota resets on {@link #resetsOn()} (KST).
 */
public final class SourceQuotaExceededException extends SourceException {

    private final boolean refusedLocally;
    private final LocalDate resetsOn;

    public SourceQuotaExceededException(String source, String message, boolean refusedLocally, LocalDate resetsOn) {
        super(source, message, null);
        this.refusedLocally = refusedLocally;
        this.resetsOn = resetsOn;
    }

    /** True if no request was sent because our own count had reached the quota. */
    public boolean refusedLocally() {
        return refusedLocally;
    }

    public LocalDate resetsOn() {
        return resetsOn;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
