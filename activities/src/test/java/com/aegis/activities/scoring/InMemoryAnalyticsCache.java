package com.aegis.activities.scoring;

import com.aegis.activities.cache.AnalyticsCache;
import com.aegis.activities.cache.CacheRegion;
import com.aegis.activities.cache.CacheStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** A single-level, no-expiry {@link AnalyticsCache} for tests that check what the scoring stages write through it. */
final class InMemoryAnalyticsCache implements AnalyticsCache {

    private record Key(CacheRegion region, String symbol, String key) {
    }

    private final Map<Key, Object> entries = new ConcurrentHashMap<>();

    @Override
    public <T> T get(CacheRegion region, String symbol, String key, Class<T> type, Supplier<T> loader) {
        Object cached = entries.get(new Key(region, symbol, key));
        if (cached != null) {
            return type.cast(cached);
        }
        T loaded = loader.get();
        if (loaded != null) {
            entries.put(new Key(region, symbol, key), loaded);
        }
        return loaded;
    }

    @Override
    public <T> Optional<T> peek(CacheRegion region, String symbol, String key, Class<T> type) {
        return Optional.ofNullable(entries.get(new Key(region, symbol, key))).map(type::cast);
    }

    @Override
    public <T> void put(CacheRegion region, String symbol, String key, T value) {
        entries.put(new Key(region, symbol, key), value);
    }

    @Override
    public long invalidateStock(String symbol, String reason) {
        long before = entries.size();
        entries.keySet().removeIf(k -> k.region().invalidatedByStockEvents() && k.symbol().equals(symbol));
        return before - entries.size();
    }

    @Override
    public long clearAll(String reason) {
        long before = entries.size();
        entries.clear();
        return before;
    }

    @Override
    public CacheStatistics statistics() {
        return new CacheStatistics(Map.of(), Map.of(), 0);
    }

    long size(CacheRegion region) {
        return entries.keySet().stream().filter(k -> k.region() == region).count();
    }
}
