package com.aegis.activities.cache;

import java.util.Map;

/**
 * Hits and misses per cache level and region. The L2 figures count only lookups that missed L1.
 *
 * @param l1 counts of the in-process level by region
 * @param l2 counts of the Redis level by region
 * @param l2Errors Redis calls that failed and fell through to the database
 */
public record CacheStatistics(Map<CacheRegion, Counts> l1, Map<CacheRegion, Counts> l2, long l2Errors) {

    /** Hits and misses of one level and region. */
    public record Counts(long hits, long misses) {

        public double hitRate() {
            long total = hits + misses;
            return total == 0 ? Double.NaN : (double) hits / total;
        }
    }

    public CacheStatistics {
        l1 = Map.copyOf(l1);
        l2 = Map.copyOf(l2);
    }
}
