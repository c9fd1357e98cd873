package com.aegis.activities.cache;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-through cache in front of PostgreSQL (requirements C1, C2): L1 in the process, L2 in Redis, L3 the
 * database behind the loader. Entries are per region and per stock ({@code symbol}) with a free-form {@code key}
 * for the rest (usually the date). A Redis failure makes reads slower, never wrong: they fall through to the loader.
 */
public interface AnalyticsCache {

    /**
     * The cached value, else the loader's (which is then cached in both levels). A loader returning null is not cached.
     */
    <T> T get(CacheRegion region, String symbol, String key, Class<T> type, Supplier<T> loader);

    /** The cached value without loading. */
    <T> Optional<T> peek(CacheRegion region, String symbol, String key, Class<T> type);

    /** Stores a value in both levels with the region's TTL (write-through after the database write). */
    <T> void put(CacheRegion region, String symbol, String key, T value);

    /** Deletes every per-stock entry of {@code symbol} in both levels (C2 event invalidation); returns how many. */
    long invalidateStock(String symbol, String reason);

    /** Deletes every entry of every region in both levels; returns how many L2 keys were removed. */
    long clearAll(String reason);

    /** Hit and miss counts per level and region since start. */
    CacheStatistics statistics();
}
