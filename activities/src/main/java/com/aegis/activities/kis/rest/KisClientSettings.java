package com.aegis.activities.kis.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retry budget of {@link KisRestClient}.
 *
 * @param connectTimeout       TCP/TLS connect
 * @param requestTimeout       one request, from send to the whole answer
 * @param rateLimitRetries     how often a call refused with EGW00201 is sent again
 * @param rateLimitBackoff     wait before the first such retry, doubled each time
 */
public record KisClientSettings(Duration connectTimeout, Duration requestTimeout, int rateLimitRetries,
                                Duration rateLimitBackoff) {

    public KisClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(rateLimitBackoff, "rateLimitBackoff");
        if (rateLimitRetries < 0) {
            throw new IllegalArgumentException("rateLimitRetries must not be negative, got " + rateLimitRetries);
        }
    }

    public static KisClientSettings defaults() {
        return new KisClientSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 3, Duration.ofMillis(250));
    }

    public KisClientSettings withRequestTimeout(Duration timeout) {
        return new KisClientSettings(connectTimeout, timeout, rateLimitRetries, rateLimitBackoff);
    }

    public KisClientSettings withRateLimitRetries(int retries, Duration backoff) {
        return new KisClientSettings(connectTimeout, requestTimeout, retries, backoff);
    }
}
