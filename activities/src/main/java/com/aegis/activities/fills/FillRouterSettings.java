package com.aegis.activities.fills;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link FillSignalConsumer} consumes and retries.
 *
 * @param topic                  the records' topic
 * @param groupId                the consumer group (offsets are committed under it)
 * @param grace                  how long a record may wait for its order number to appear in the ledger (the
 *                               notice can overtake the submit's bookkeeping) before it is quarantined
 * @param initialRetryDelay      the first wait before a record is tried again; doubled per attempt
 * @param maxRetryDelay          the longest wait between attempts
 * @param pollTimeout            the longest single poll
 * @param maxPendingPerPartition waiting records per partition beyond which the partition is paused
 */
public record FillRouterSettings(String topic, String groupId, Duration grace, Duration initialRetryDelay,
                                 Duration maxRetryDelay, Duration pollTimeout, int maxPendingPerPartition) {

    public static final String DEFAULT_GROUP = "aegis-fill-router";
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    public FillRouterSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(initialRetryDelay, "initialRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (topic == null || topic.isBlank() || groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("the fill router needs a topic and a consumer group");
        }
        if (grace.isNegative() || initialRetryDelay.isNegative() || initialRetryDelay.isZero()
                || maxRetryDelay.compareTo(initialRetryDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 < initial <= max and the grace must not"
                    + " be negative, got " + initialRetryDelay + ", " + maxRetryDelay + ", grace " + grace);
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive, got " + pollTimeout);
        }
        if (maxPendingPerPartition < 1) {
            throw new IllegalArgumentException("maxPendingPerPartition must be >= 1, got " + maxPendingPerPartition);
        }
    }

    /** Topic {@code broker.fills.v1}, group {@value #DEFAULT_GROUP}, 30 s grace, retries 200 ms doubling to 5 s. */
    public static FillRouterSettings defaults() {
        return new FillRouterSettings(FillBridgeSettings.DEFAULT_TOPIC, DEFAULT_GROUP, DEFAULT_GRACE,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(500), 10_000);
    }

    public FillRouterSettings withTopic(String newTopic) {
        return new FillRouterSettings(newTopic, groupId, grace, initialRetryDelay, maxRetryDelay, pollTimeout,
                maxPendingPerPartition);
    }

    public FillRouterSettings withGroupId(String newGroupId) {
        return new FillRouterSettings(topic, newGroupId, grace, initialRetryDelay, maxRetryDelay, pollTimeout,
                maxPendingPerPartition);
    }

    public FillRouterSettings withGrace(Duration newGrace) {
        return new FillRouterSettings(topic, groupId, newGrace, initialRetryDelay, maxRetryDelay, pollTimeout,
                maxPendingPerPartition);
    }

    public FillRouterSettings withRetryDelays(Duration initial, Duration max) {
        return new FillRouterSettings(topic, groupId, grace, initial, max, pollTimeout, maxPendingPerPartition);
    }

    /** The wait before attempt {@code attempt} (1-based): initial × 2^(attempt-1), capped at max. */
    public Duration retryDelay(int attempt) {
        long initialMs = initialRetryDelay.toMillis();
        long delay = initialMs << Math.min(Math.max(attempt - 1, 0), 30);
        long maxMs = maxRetryDelay.toMillis();
        return Duration.ofMillis(delay <= 0 || delay > maxMs ? maxMs : delay);
    }
}
