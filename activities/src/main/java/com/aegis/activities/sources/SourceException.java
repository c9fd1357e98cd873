package com.aegis.activities.sources;

/**
 * A provider call failed. {@link #retryable()} says whether the same call may succeed later (network, timeout, 5xx,
 * maintenance, a garbled body) or never will as asked (bad key, bad parameter, quota spent). Messages never contain
 * credentials.
 */
public abstract sealed class SourceException extends RuntimeException
        permits SourceUnavailableException, SourceProtocolException, SourceRejectedException,
        SourceQuotaExceededException {

    private final String source;
    private int attempts = 1;

    protected SourceException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** Provider name, e.g. KRX_DATA, OPEN_DART, YAHOO_CHART. */
    public String source() {
        return source;
    }

    public abstract boolean retryable();

    /** HTTP attempts made before giving up. */
    public int attempts() {
        return attempts;
    }

    void attempts(int n) {
        this.attempts = n;
    }
}
