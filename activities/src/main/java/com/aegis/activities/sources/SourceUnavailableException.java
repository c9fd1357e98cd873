package com.aegis.activities.sources;

/** The provider did not answer usefully this time: connection refused or dropped, timeout, HTTP 5xx, maintenance. */
public final class SourceUnavailableException extends SourceException {
    public SourceUnavailableException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
