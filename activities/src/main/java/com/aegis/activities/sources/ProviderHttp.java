package com.aegis.activities.sources;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's HTTP calls: sends, maps transport failures and 5xx to {@link SourceUnavailableException}, lets the
 * adapter parse the rest, and retries retryable failures per the {@link RetryPolicy}. Messages and logs name the call
 * by a description the adapter gives (never the URL, which may carry a key) and are scrubbed of the given secrets.
 */
final class ProviderHttp {

    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    private final String source;
    private final HttpClient client;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final SourceCallStats stats;
    private final List<String> secrets;

    ProviderHttp(String source, Duration connectTimeout, RetryPolicy retry, Sleeper sleeper, SourceCallStats stats,
                 List<String> secrets) {
        this.source = Objects.requireNonNull(source, "source");
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Calls until success, a non-retryable failure, or the retries are spent.
     *
     * @param what    description of the call for messages, e.g. "KRX MDCSTAT01501 trdDd=20261120 mktId=ALL"
     * @param request builds the request for each attempt (may refuse by throwing a {@link SourceException})
     * @param parse   turns a non-5xx response into the value or throws a {@link SourceException}
     */
    <T> Fetched<T> call(String what, Supplier<HttpRequest> request, Function<HttpResponse<byte[]>, T> parse) {
        stats.call();
        long start = System.nanoTime();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                T value = once(what, request, parse);
                return new Fetched<>(value, attempt, Duration.ofNanos(System.nanoTime() - start));
            } catch (SourceException e) {
                e.attempts(attempt);
                if (e instanceof SourceProtocolException) {
                    stats.protocolError();
                }
                if (!e.retryable() || attempt > retry.maxRetries()) {
                    stats.failure();
                    log.warn("{} gave up after {} attempt(s): {}", source, attempt, scrub(e.getMessage()));
                    throw e;
                }
                Duration backoff = retry.backoffBefore(attempt);
                stats.retry();
                log.info("{} attempt {} of {} failed: {}; retrying in {} ms", source, attempt,
                        retry.maxRetries() + 1, scrub(e.getMessage()), backoff.toMillis());
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    SourceUnavailableException stop = new SourceUnavailableException(source, what
                            + " interrupted while waiting to retry", ie);
                    stop.attempts(attempt);
                    throw stop;
                }
            }
        }
    }

    private <T> T once(String what, Supplier<HttpRequest> request, Function<HttpResponse<byte[]>, T> parse) {
        HttpRequest req = request.get();
        stats.attempt();
        HttpResponse<byte[]> response;
        try {
            response = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new SourceUnavailableException(source, what + " timed out after "
                    + req.timeout().map(Duration::toMillis).orElse(-1L) + " ms", null);
        } catch (IOException e) {
            throw new SourceUnavailableException(source, what + " failed: " + scrub(String.valueOf(e.getMessage()))
                    + " (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException(source, what + " interrupted", null);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            throw new SourceUnavailableException(source, what + " answered HTTP " + status, null);
        }
        return parse.apply(response);
    }

    /** Removes every secret from a text that may have come from elsewhere (exception messages). */
    String scrub(String text) {
        String out = text;
        for (String s : secrets) {
            if (s != null && !s.isEmpty() && out != null) {
                out = out.replace(s, "****");
            }
        }
        return out;
    }

    String source() {
        return source;
    }
}
