package com.aegis.activities.kis.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * A failed KIS call: the KIS message code ({@code msg_cd}/{@code error_code}, or a local code such as
 * {@code HTTP_503}, {@code TIMEOUT}), what kind of failure it is, whether retrying can help and how long to wait
 * first. Messages name the API path and TR ID, never credentials, tokens or account numbers.
 */
public class KisException extends RuntimeException {

    private final String code;
    private final KisErrorKind kind;
    private final boolean retryable;
    private final Duration retryAfter;

    public KisException(KisErrorKind kind, String code, boolean retryable, Duration retryAfter, String message,
                        Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    public KisException(KisErrorKind kind, String code, String message) {
        this(kind, code, kind.retryableByDefault(), Duration.ZERO, message, null);
    }

    public String code() {
        return code;
    }

    public KisErrorKind kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long to wait before a retry can succeed (zero when unknown or not retryable). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
