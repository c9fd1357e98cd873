package com.aegis.activities.kis.rest;

/**
 * KIS answered with a body this client cannot read: truncated JSON, a field of the wrong type or a required field
 * missing. Retryable (such answers are usually transient), and counted by {@link KisProtocolErrorCounter}.
 */
public final class KisProtocolException extends KisException {

    public KisProtocolException(String message, Throwable cause) {
        super(KisErrorKind.PROTOCOL, "PROTOCOL", true, java.time.Duration.ZERO, message, cause);
    }
}
