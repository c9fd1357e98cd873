package com.aegis.activities.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of {@link TieredAnalyticsCache}, exported to Micrometer when a registry is given, and the M2 hit-rate
 * warning. Meters: {@value #REQUESTS} (tags level=L1|L2, region, result=hit|miss), {@value #HIT_RATE} (tag
 * level=L1|L2|overall) and {@value #L2_ERRORS}.
 */
final class CacheMetrics implements AutoCloseable {

    static final String REQUESTS = "aegis.cache.requests";
    static final String HIT_RATE = "aegis.cache.hit.rate";
    static final String L2_ERRORS = "aegis.cache.l2.errors";

    enum Level { L1, L2 }

    private static final Logger log = LoggerFactory.getLogger(TieredAnalyticsCache.class);
    private static final CacheRegion[] REGIONS = CacheRegion.values();

    private final LongAdder[][] hits = new LongAdder[2][REGIONS.length];
    private final LongAdder[][] misses = new LongAdder[2][REGIONS.length];
    private final LongAdder lookups = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder l2Errors = new LongAdder();
    private final double warningThreshold;
    private final long warningMinLookups;
    private final AtomicBoolean hitRateLow = new AtomicBoolean();
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    CacheMetrics(MeterRegistry registry, double warningThreshold, long warningMinLookups) {
        this.registry = registry;
        this.warningThreshold = warningThreshold;
        this.warningMinLookups = warningMinLookups;
        for (int level = 0; level < 2; level++) {
            for (int region = 0; region < REGIONS.length; region++) {
                hits[level][region] = new LongAdder();
                misses[level][region] = new LongAdder();
            }
        }
        if (registry != null) {
            register(registry);
        }
    }

    private void register(MeterRegistry registry) {
        for (Level level : Level.values()) {
            for (CacheRegion region : REGIONS) {
                meters.add(requestCounter(registry, level, region, "hit", hits[level.ordinal()][region.ordinal()]));
                meters.add(requestCounter(registry, level, region, "miss", misses[level.ordinal()][region.ordinal()]));
            }
            meters.add(Gauge.builder(HIT_RATE, this, m -> m.levelHitRate(level))
                    .tag("level", level.name())
                    .description("Share of lookups reaching this level that it answered")
                    .register(registry));
        }
        meters.add(Gauge.builder(HIT_RATE, this, CacheMetrics::overallHitRate)
                .tag("level", "overall")
                .description("Share of lookups answered without the database (M2 warns under 80%)")
                .register(registry));
        meters.add(FunctionCounter.builder(L2_ERRORS, l2Errors, LongAdder::sum)
                .description("Redis calls that failed or were skipped during an outage; the lookup fell through")
                .register(registry));
    }

    private static Meter requestCounter(MeterRegistry registry, Level level, CacheRegion region, String result,
                                        LongAdder adder) {
        return FunctionCounter.builder(REQUESTS, adder, LongAdder::sum)
                .tag("level", level.name())
                .tag("region", region.name().toLowerCase(Locale.ROOT))
                .tag("result", result)
                .description("Cache lookups per level, region and result")
                .register(registry);
    }

    void hit(Level level, CacheRegion region) {
        hits[level.ordinal()][region.ordinal()].increment();
        if (level == Level.L1) {
            lookups.increment();
        }
        cacheHits.increment();
        checkHitRate();
    }

    void miss(Level level, CacheRegion region) {
        misses[level.ordinal()][region.ordinal()].increment();
        if (level == Level.L1) {
            lookups.increment();
        } else {
            checkHitRate();
        }
    }

    void l2Error() {
        l2Errors.increment();
    }

    long l2Errors() {
        return l2Errors.sum();
    }

    double levelHitRate(Level level) {
        long h = 0;
        long m = 0;
        for (int region = 0; region < REGIONS.length; region++) {
            h += hits[level.ordinal()][region].sum();
            m += misses[level.ordinal()][region].sum();
        }
        return h + m == 0 ? Double.NaN : (double) h / (h + m);
    }

    double overallHitRate() {
        long total = lookups.sum();
        return total == 0 ? Double.NaN : (double) cacheHits.sum() / total;
    }

    /** True when at least the minimum number of lookups was made and the overall hit rate is under the threshold. */
    boolean hitRateBelowWarning() {
        return lookups.sum() >= warningMinLookups && overallHitRate() < warningThreshold;
    }

    /** Logs once when the hit rate falls under the threshold and once when it is back above. */
    private void checkHitRate() {
        boolean low = hitRateBelowWarning();
        if (low != hitRateLow.get() && hitRateLow.compareAndSet(!low, low)) {
            if (low) {
                log.warn("Cache hit rate {} is under the warning threshold {} after {} lookups (M2)",
                        percent(overallHitRate()), percent(warningThreshold), lookups.sum());
            } else {
                log.info("Cache hit rate {} is back at or above {}", percent(overallHitRate()), percent(warningThreshold));
            }
        }
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    CacheStatistics snapshot() {
        Map<CacheRegion, CacheStatistics.Counts> l1 = new EnumMap<>(CacheRegion.class);
        Map<CacheRegion, CacheStatistics.Counts> l2 = new EnumMap<>(CacheRegion.class);
        for (CacheRegion region : REGIONS) {
            l1.put(region, counts(Level.L1, region));
            l2.put(region, counts(Level.L2, region));
        }
        return new CacheStatistics(l1, l2, l2Errors.sum());
    }

    private CacheStatistics.Counts counts(Level level, CacheRegion region) {
        return new CacheStatistics.Counts(hits[level.ordinal()][region.ordinal()].sum(),
                misses[level.ordinal()][region.ordinal()].sum());
    }

    /** Removes the meters from the registry. */
    @Override
    public void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
