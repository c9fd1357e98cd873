package com.aegis.activities.sources;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a data-source client reaches its provider: the base URL (the real domain or a simulator), the timeouts and the
 * retry policy.
 *
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-answer timeout per attempt
 */
public record ProviderSettings(URI baseUri, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

    public ProviderSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /** A 5 s connect timeout, the given per-attempt timeout and the default retry policy (D2: at most 3 retries). */
    public static ProviderSettings of(URI baseUri, Duration requestTimeout) {
        return new ProviderSettings(baseUri, Duration.ofSeconds(5), requestTimeout, RetryPolicy.defaults());
    }
}
