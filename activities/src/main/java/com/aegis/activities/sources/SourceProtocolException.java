package com.aegis.activities.sources;

/**
 * The provider answered with a payload we cannot read: not JSON/XML/ZIP, a missing block or field, a number that
 * does not parse. Retryable, because a gateway that garbles one answer usually sends the next one whole.
 */
public final class SourceProtocolException extends SourceException {
    public SourceProtocolException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }

    public SourceProtocolException(String source, String message) {
        super(source, message, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
