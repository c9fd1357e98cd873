package com.aegis.activities.kis.rest;

import java.time.Instant;
import java.util.Objects;

/** A KIS OAuth access token and when it expires. {@link #toString()} never shows the token. */
public record KisAccessToken(String value, Instant expiresAt) {

    public KisAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "KisAccessToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
