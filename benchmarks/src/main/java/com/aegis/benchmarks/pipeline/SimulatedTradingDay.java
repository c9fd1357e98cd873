package com.aegis.benchmarks.pipeline;

import com.aegis.activities.cache.CacheRegion;
import com.aegis.activities.cache.CacheSettings;
import com.aegis.activities.cache.CacheStatistics;
import com.aegis.activities.cache.TieredAnalyticsCache;
import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.activities.scoring.ScoreRow;
import com.aegis.activities.scoring.ScoringActivitiesImpl;
import com.aegis.activities.scoring.ScoringSettings;
import com.aegis.workflows.scoring.FinalRequest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.producer.Producer;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A trading day of final-score reads through {@link TieredAnalyticsCache}, in simulated time. The pre-open pipeline
 * writes the day's final scores through the cache at 08:30 KST ({@code scoreFinal}, as in production); then every
 * minute from 09:00 to 15:30 KST each consumer process reads every scored stock's final score with
 * {@code cache.get(FINAL_SCORE, symbol, date, ScoreRow.class, loader)}, the loader reading PostgreSQL
 * ({@link ScoreQueries#score}). Each consumer is its own cache instance (its own L1) on the shared Redis, as separate
 * processes would be.
 *
 * <p>Time: the in-process level runs on a {@link SimulatedTime} ticker, so its 15-minute TTL elapses in simulated
 * minutes. Redis expires keys in real time, which would keep every entry alive for the whole compressed day, so the
 * day deletes each final-score key from Redis once it is 15 simulated minutes old (the age Redis would expire it at),
 * timed from the write it observes: the 08:30 put and each loader call (a load is written to Redis only when the key is
 * absent, which it is when the loader ran). Everything else (L1 TTLs taken from Redis's remaining TTL, write-if-absent
 * of loads, hit counting) is the cache's own code. Not simulated: event invalidations (disclosures during the day) and
 * eviction by other regions' load; both can only lower the hit rate.
 */
public final class SimulatedTradingDay {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final LocalTime PRE_OPEN = LocalTime.of(8, 30);
    private static final LocalTime FIRST_READ = LocalTime.of(9, 0);
    private static final LocalTime LAST_READ = LocalTime.of(15, 30);

    /**
     * What the day measured.
     *
     * @param symbols         stocks read every minute
     * @param minutes         read rounds (one per simulated minute)
     * @param perConsumer     each consumer's cache counts
     * @param combined        the consumers' counts summed
     * @param loads           loader calls (PostgreSQL reads)
     * @param loadMillis      wall time spent in the loader
     * @param lookupMillis    wall time of all lookups, loads included
     * @param realSeconds     wall time of the whole simulated day
     * @param missingScores   lookups whose loader found no score (must be 0)
     */
    public record Result(int symbols, int minutes, List<CacheStatistics> perConsumer, Totals combined, long loads,
                         double loadMillis, double lookupMillis, double realSeconds, long missingScores) {
    }

    /**
     * Counts summed over caches.
     *
     * @param lookups  every get
     * @param l1Hits   answered by L1
     * @param l2Hits   answered by Redis after an L1 miss
     * @param l2Errors failed Redis calls
     */
    public record Totals(long lookups, long l1Hits, long l2Hits, long l2Errors) {

        public static Totals of(List<CacheStatistics> stats) {
            long lookups = 0;
            long l1 = 0;
            long l2 = 0;
            long errors = 0;
            for (CacheStatistics s : stats) {
                CacheStatistics.Counts c = s.l1().get(CacheRegion.FINAL_SCORE);
                CacheStatistics.Counts d = s.l2().get(CacheRegion.FINAL_SCORE);
                lookups += c == null ? 0 : c.hits() + c.misses();
                l1 += c == null ? 0 : c.hits();
                l2 += d == null ? 0 : d.hits();
                errors += s.l2Errors();
            }
            return new Totals(lookups, l1, l2, errors);
        }

        public double l1HitRate() {
            return lookups == 0 ? Double.NaN : (double) l1Hits / lookups;
        }

        /** Share of the L1 misses that Redis answered. */
        public double l2HitRate() {
            long l1Misses = lookups - l1Hits;
            return l1Misses == 0 ? Double.NaN : (double) l2Hits / l1Misses;
        }

        public double overallHitRate() {
            return lookups == 0 ? Double.NaN : (double) (l1Hits + l2Hits) / lookups;
        }
    }

    private final DSLContext db;
    private final String redisUri;
    private final ScoringSettings settings;
    private final Producer<String, String> producer;

    public SimulatedTradingDay(DSLContext db, String redisUri, ScoringSettings settings,
                               Producer<String, String> producer) {
        this.db = Objects.requireNonNull(db, "db");
        this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    /**
     * Runs the day for {@code date}, whose quant scores must be stored; {@code degradedReason} is passed to the final
     * stage (quant-only scores).
     */
    public Result run(LocalDate date, String degradedReason, int consumers) {
        if (consumers < 1) {
            throw new IllegalArgumentException("consumers must be at least 1, got " + consumers);
        }
        long started = System.nanoTime();
        SimulatedTime time = new SimulatedTime(ZonedDateTime.of(date, PRE_OPEN, KST).toInstant());
        CacheSettings cacheSettings = CacheSettings.defaults(1);
        String key = date.toString();
        String keyPrefix = cacheSettings.keyPrefix() + ":v" + cacheSettings.schemaVersion() + ":"
                + CacheRegion.FINAL_SCORE.name().toLowerCase(Locale.ROOT) + ":";
        long ttlNanos = CacheRegion.FINAL_SCORE.ttl().toNanos();
        ScoreQueries queries = new ScoreQueries(db);
        Map<String, Long> writtenAt = new HashMap<>();
        List<TieredAnalyticsCache> readers = new ArrayList<>();
        RedisClient redis = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = redis.connect();
             TieredAnalyticsCache worker = new TieredAnalyticsCache(redisUri, cacheSettings, null, time.ticker(),
                     time.clock())) {
            worker.clearAll("simulated trading day of " + date + " starts empty");
            ScoringActivitiesImpl scoring = new ScoringActivitiesImpl(db, settings, time.clock(), producer, worker);
            int scored = scoring.scoreFinal(new FinalRequest(date, Map.of(), degradedReason,
                    "benchmark-simulated-day-" + date, false, 0)).scored();
            List<String> symbols = scoring.screenedSymbols(date);
            if (scored != symbols.size()) {
                throw new IllegalStateException("scoreFinal of " + date + " scored " + scored + " stocks but "
                        + symbols.size() + " passed the screener");
            }
            long putAt = simNanos(time);
            symbols.forEach(s -> writtenAt.put(s, putAt));
            // Started after the 08:30 write: its announcements concern entries they do not hold, and in compressed
            // time they could otherwise race the first reads.
            for (int i = 0; i < consumers; i++) {
                readers.add(new TieredAnalyticsCache(redisUri, cacheSettings, null, time.ticker(), time.clock()));
            }
            long[] loads = {0};
            long[] loadNanos = {0};
            long[] missing = {0};
            long lookupNanos = 0;
            int minutes = 0;
            ZonedDateTime last = ZonedDateTime.of(date, LAST_READ, KST);
            for (ZonedDateTime minute = ZonedDateTime.of(date, FIRST_READ, KST); !minute.isAfter(last);
                 minute = minute.plusMinutes(1)) {
                time.advanceTo(minute.toInstant());
                long now = simNanos(time);
                expireRedisEntries(connection, keyPrefix, key, writtenAt, now, ttlNanos);
                long t0 = System.nanoTime();
                for (TieredAnalyticsCache reader : readers) {
                    for (String symbol : symbols) {
                        ScoreRow row = reader.get(CacheRegion.FINAL_SCORE, symbol, key, ScoreRow.class, () -> {
                            long l0 = System.nanoTime();
                            ScoreRow loaded = queries.score(symbol, date).orElse(null);
                            loadNanos[0] += System.nanoTime() - l0;
                            loads[0]++;
                            if (loaded == null) {
                                missing[0]++;
                            } else {
                                writtenAt.put(symbol, now);
                            }
                            return loaded;
                        });
                        Objects.requireNonNull(row, () -> "no final score of " + symbol + " on " + date);
                    }
                }
                lookupNanos += System.nanoTime() - t0;
                minutes++;
            }
            List<CacheStatistics> stats = readers.stream().map(TieredAnalyticsCache::statistics).toList();
            return new Result(symbols.size(), minutes, stats, Totals.of(stats), loads[0], loadNanos[0] / 1e6,
                    lookupNanos / 1e6, (System.nanoTime() - started) / 1e9, missing[0]);
        } finally {
            readers.forEach(TieredAnalyticsCache::close);
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** Deletes the Redis entries that are a TTL old in simulated time, as Redis would have by now. */
    private static void expireRedisEntries(StatefulRedisConnection<String, String> connection, String keyPrefix,
                                           String key, Map<String, Long> writtenAt, long now, long ttlNanos) {
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = writtenAt.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (now - e.getValue() >= ttlNanos) {
                expired.add(keyPrefix + e.getKey() + ":" + key);
                it.remove();
            }
        }
        if (!expired.isEmpty()) {
            connection.sync().unlink(expired.toArray(String[]::new));
        }
    }

    private static long simNanos(SimulatedTime time) {
        return time.ticker().read();
    }
}
