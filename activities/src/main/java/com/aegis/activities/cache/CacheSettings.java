package com.aegis.activities.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of {@link TieredAnalyticsCache}.
 *
 * @param schemaVersion           version of the cached data's structure (C2): a process starting with a higher version
 *                                than Redis records deletes every key of the other versions
 * @param keyPrefix               first part of every Redis key, e.g. {@code aegis:cache}; letters, digits and
 *                                {@code : _ - .} only
 * @param l1MaxEntries            in-process entries kept per region (the least used go first)
 * @param redisTimeout            bound of every Redis call, connecting included; past it the lookup falls through
 * @param redisRetryInterval      after a failed Redis call, Redis is skipped for this long before the next attempt
 * @param hitRateWarningThreshold overall hit rate below which the cache warns (M2: 80%)
 * @param hitRateMinLookups       lookups needed before the hit rate is judged
 * @param lastGoodRetention       how long the last good final scores are kept for incident fallback (I2: 24 h)
 */
public record CacheSettings(int schemaVersion, String keyPrefix, long l1MaxEntries, Duration redisTimeout,
                            Duration redisRetryInterval, double hitRateWarningThreshold, long hitRateMinLookups,
                            Duration lastGoodRetention) {

    public static final String DEFAULT_KEY_PREFIX = "aegis:cache";
    public static final long DEFAULT_L1_MAX_ENTRIES = 20_000;
    public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofMillis(200);
    public static final Duration DEFAULT_REDIS_RETRY_INTERVAL = Duration.ofSeconds(1);
    /** M2: a cache hit rate under 80% is a warning. */
    public static final double DEFAULT_HIT_RATE_WARNING_THRESHOLD = 0.80;
    public static final long DEFAULT_HIT_RATE_MIN_LOOKUPS = 1_000;
    /** I2: the last good scores may stand in for at most 24 hours. */
    public static final Duration DEFAULT_LAST_GOOD_RETENTION = Duration.ofHours(24);

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:_.\\-]+");

    public CacheSettings {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!PREFIX.matcher(keyPrefix).matches() || keyPrefix.endsWith(":")) {
            throw new IllegalArgumentException("keyPrefix must be letters, digits and ':_-.' without a trailing ':'"
                    + " (it is used in SCAN patterns), was '" + keyPrefix + "'");
        }
        if (l1MaxEntries < 1) {
            throw new IllegalArgumentException("l1MaxEntries must be positive, was " + l1MaxEntries);
        }
        requirePositive(redisTimeout, "redisTimeout");
        requirePositive(redisRetryInterval, "redisRetryInterval");
        if (!(hitRateWarningThreshold >= 0 && hitRateWarningThreshold <= 1)) {
            throw new IllegalArgumentException("hitRateWarningThreshold must be within [0, 1], was "
                    + hitRateWarningThreshold);
        }
        if (hitRateMinLookups < 1) {
            throw new IllegalArgumentException("hitRateMinLookups must be positive, was " + hitRateMinLookups);
        }
        requirePositive(lastGoodRetention, "lastGoodRetention");
    }

    /** The defaults for a schema version: prefix {@code aegis:cache}, 20,000 entries per region, 200 ms timeout. */
    public static CacheSettings defaults(int schemaVersion) {
        return new CacheSettings(schemaVersion, DEFAULT_KEY_PREFIX, DEFAULT_L1_MAX_ENTRIES, DEFAULT_REDIS_TIMEOUT,
                DEFAULT_REDIS_RETRY_INTERVAL, DEFAULT_HIT_RATE_WARNING_THRESHOLD, DEFAULT_HIT_RATE_MIN_LOOKUPS,
                DEFAULT_LAST_GOOD_RETENTION);
    }

    public CacheSettings withKeyPrefix(String prefix) {
        return new CacheSettings(schemaVersion, prefix, l1MaxEntries, redisTimeout, redisRetryInterval,
                hitRateWarningThreshold, hitRateMinLookups, lastGoodRetention);
    }

    public CacheSettings withSchemaVersion(int version) {
        return new CacheSettings(version, keyPrefix, l1MaxEntries, redisTimeout, redisRetryInterval,
                hitRateWarningThreshold, hitRateMinLookups, lastGoodRetention);
    }

    public CacheSettings withRedisTimeout(Duration timeout, Duration retryInterval) {
        return new CacheSettings(schemaVersion, keyPrefix, l1MaxEntries, timeout, retryInterval,
                hitRateWarningThreshold, hitRateMinLookups, lastGoodRetention);
    }

    public CacheSettings withHitRateWarning(double threshold, long minLookups) {
        return new CacheSettings(schemaVersion, keyPrefix, l1MaxEntries, redisTimeout, redisRetryInterval,
                threshold, minLookups, lastGoodRetention);
    }

    public CacheSettings withL1MaxEntries(long maxEntries) {
        return new CacheSettings(schemaVersion, keyPrefix, maxEntries, redisTimeout, redisRetryInterval,
                hitRateWarningThreshold, hitRateMinLookups, lastGoodRetention);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
