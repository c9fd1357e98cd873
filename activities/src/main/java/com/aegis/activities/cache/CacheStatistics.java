package com.aegis.activities.cache;

import java.util.Map;

/**
 * Hits and misses per cache level and region. The L2 figures count only lookups that missed L1; a failed Redis call
 * counts as an L2 miss and as an L2 error.
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

    /** Lookups of every region (each starts at L1). */
    public long lookups() {
        return l1.values().stream().mapToLong(c -> c.hits() + c.misses()).sum();
    }

    /** Lookups answered by either level without the database. */
    public long hits() {
        return l1.values().stream().mapToLong(Counts::hits).sum() + l2.values().stream().mapToLong(Counts::hits).sum();
    }

    /** Share of lookups answered by L1 or L2; NaN before the first lookup. */
    public double hitRate() {
        long lookups = lookups();
        return lookups == 0 ? Double.NaN : (double) hits() / lookups;
    }

    /** L1 counts summed over the regions. */
    public Counts l1Total() {
        return sum(l1);
    }

    /** L2 counts summed over the regions. */
    public Counts l2Total() {
        return sum(l2);
    }

    private static Counts sum(Map<CacheRegion, Counts> level) {
        return new Counts(level.values().stream().mapToLong(Counts::hits).sum(),
                level.values().stream().mapToLong(Counts::misses).sum());
    }

    /**
     * True when at least {@code minLookups} lookups were made and the overall hit rate is under {@code threshold}
     * (M2 warns under 80%).
     */
    public boolean hitRateBelow(double threshold, long minLookups) {
        return lookups() >= minLookups && hitRate() < threshold;
    }
}
