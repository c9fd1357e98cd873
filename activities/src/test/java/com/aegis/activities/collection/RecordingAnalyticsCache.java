package com.aegis.activities.collection;

import com.aegis.activities.cache.AnalyticsCache;
import com.aegis.activities.cache.CacheRegion;
import com.aegis.activities.cache.CacheStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** An {@link AnalyticsCache} that caches nothing and records which stocks were invalidated and why. */
final class RecordingAnalyticsCache implements AnalyticsCache {

    record Invalidation(String symbol, String reason) {
    }

    final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();

    @Override
    public <T> T get(CacheRegion region, String symbol, String key, Class<T> type, Supplier<T> loader) {
        return loader.get();
    }

    @Override
    public <T> Optional<T> peek(CacheRegion region, String symbol, String key, Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> void put(CacheRegion region, String symbol, String key, T value) {
    }

    @Override
    public long invalidateStock(String symbol, String reason) {
        invalidations.add(new Invalidation(symbol, reason));
        return 0;
    }

    @Override
    public long clearAll(String reason) {
        return 0;
    }

    @Override
    public CacheStatistics statistics() {
        return new CacheStatistics(Map.of(), Map.of(), 0);
    }

    List<String> invalidatedSymbols() {
        return invalidations.stream().map(Invalidation::symbol).toList();
    }
}
