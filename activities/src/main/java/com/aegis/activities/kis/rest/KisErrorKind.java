package com.aegis.activities.kis.rest;

/** What went wrong with a KIS call, sorted by what the caller should do about it. */
public enum KisErrorKind {
    /** EGW00201: over the per-second call limit; retry after a short backoff. */
    RATE_LIMITED(true),
    /** EGW00133: a token was already requested within the last minute; retry after the minute. */
    TOKEN_ISSUE_THROTTLED(true),
    /** EGW00123 / EGW00121: the access token is expired or unknown and a fresh one did not help. */
    TOKEN_REJECTED(false),
    /** EGW00103 / EGW00105: the app key or secret is wrong; fix the configuration. */
    CREDENTIALS_REJECTED(false),
    /** The broker refused the request (insufficient cash, invalid price, unknown order...); do not resend as is. */
    BUSINESS_REJECTION(false),
    /** HTTP 5xx without a KIS envelope: the gateway or service failed; retry later. */
    SERVER_ERROR(true),
    /** No answer in time. For an order the outcome is unknown: reconcile with the daily fills before resending. */
    TIMEOUT(true),
    /** The connection failed or was dropped. */
    CONNECTION_FAILED(true),
    /** The answer did not parse or lacked required fields. */
    PROTOCOL(true),
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED(false);

    private final boolean retryableByDefault;

    KisErrorKind(boolean retryableByDefault) {
        this.retryableByDefault = retryableByDefault;
    }

    public boolean retryableByDefault() {
        return retryableByDefault;
    }
}
