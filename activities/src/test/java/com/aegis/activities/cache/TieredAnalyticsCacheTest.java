package com.aegis.activities.cache;

import com.aegis.activities.testing.MutableClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aegis.localstack.LocalStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static com.aegis.activities.cache.CacheRegion.AI_PREDICTION;
import static com.aegis.activities.cache.CacheRegion.FACTOR_VALUES;
import static com.aegis.activities.cache.CacheRegion.FINAL_SCORE;
import static com.aegis.activities.cache.CacheRegion.ORDER_BOOK;
import static com.aegis.activities.cache.CacheRegion.REALTIME_PRICE;
import static com.aegis.activities.cache.CacheRegion.STOCK_MASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The cache against the Redis of the local stack; every test has its own key prefix. */
class TieredAnalyticsCacheTest {

    /** A cached value with the types the analytics use: dates, instants, optionals, longs. */
    record Score(String symbol, long total, LocalDate date, Instant computedAt, Optional<String> note) {
    }

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T06:40:00Z");

    private static LocalStack stack;
    private static RedisClient inspector;
    private static StatefulRedisConnection<String, String> inspection;
    private static RedisCommands<String, String> redis;

    private final List<TieredAnalyticsCache> opened = new ArrayList<>();
    private final AtomicLong ticks = new AtomicLong();
    private final String prefix = "aegis-test:" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        stack = LocalStack.sharedForTests();
        inspector = RedisClient.create(stack.redisUri());
        inspection = inspector.connect();
        redis = inspection.sync();
    }

    @AfterAll
    static void disconnect() {
        inspection.close();
        inspector.shutdown();
    }

    @AfterEach
    void closeCaches() {
        opened.forEach(TieredAnalyticsCache::close);
        keys(prefix + ":*").forEach(redis::unlink);
        redis.unlink(prefix + ":schema-version");
    }

    private TieredAnalyticsCache cache(int version) {
        return cache(version, Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    private TieredAnalyticsCache cache(int version, Clock clock, SimpleMeterRegistry meters) {
        CacheSettings settings = CacheSettings.defaults(version).withKeyPrefix(prefix).withHitRateWarning(0.8, 10);
        TieredAnalyticsCache cache = new TieredAnalyticsCache(stack.redisUri(), settings, meters, ticks::get, clock);
        opened.add(cache);
        return cache;
    }

    private static Score score(String symbol, long total) {
        return new Score(symbol, total, DAY, NOW, Optional.of("from factors"));
    }

    private static List<String> keys(String pattern) {
        List<String> found = new ArrayList<>();
        ScanIterator.scan(redis, ScanArgs.Builder.matches(pattern).limit(500)).forEachRemaining(found::add);
        return found;
    }

    private void advance(Duration d) {
        ticks.addAndGet(d.toNanos());
    }

    @Test
    void readThroughFillsBothLevelsAndASecondProcessHitsRedis() {
        TieredAnalyticsCache first = cache(1);
        AtomicInteger loads = new AtomicInteger();
        Score expected = score("005930", 87);

        Score loaded = first.get(FINAL_SCORE, "005930", DAY.toString(), Score.class, () -> {
            loads.incrementAndGet();
            return expected;
        });
        Score again = first.get(FINAL_SCORE, "005930", DAY.toString(), Score.class, () -> {
            loads.incrementAndGet();
            return score("005930", -1);
        });

        assertThat(loaded).isEqualTo(expected);
        assertThat(again).isSameAs(loaded);
        assertThat(first.statistics().l1().get(FINAL_SCORE)).isEqualTo(new CacheStatistics.Counts(1, 1));
        assertThat(first.statistics().l2().get(FINAL_SCORE)).isEqualTo(new CacheStatistics.Counts(0, 1));
        assertThat(redis.get(prefix + ":v1:final_score:005930:" + DAY)).contains("\"date\":\"2026-11-27\"");

        TieredAnalyticsCache second = cache(1);
        Score fromRedis = second.get(FINAL_SCORE, "005930", DAY.toString(), Score.class, () -> {
            loads.incrementAndGet();
            return score("005930", -1);
        });
        second.get(FINAL_SCORE, "005930", DAY.toString(), Score.class, () -> {
            loads.incrementAndGet();
            return score("005930", -1);
        });

        assertThat(fromRedis).isEqualTo(expected);
        assertThat(loads).hasValue(1);
        assertThat(second.statistics().l2().get(FINAL_SCORE)).isEqualTo(new CacheStatistics.Counts(1, 0));
        assertThat(second.statistics().l1().get(FINAL_SCORE)).isEqualTo(new CacheStatistics.Counts(1, 1));
        assertThat(second.statistics().l2Errors()).isZero();
    }

    @Test
    void aNullFromTheLoaderIsReturnedButNotCached() {
        TieredAnalyticsCache cache = cache(1);
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.get(STOCK_MASTER, "999999", "master", Score.class, () -> {
            loads.incrementAndGet();
            return null;
        })).isNull();
        assertThat(cache.get(STOCK_MASTER, "999999", "master", Score.class, () -> {
            loads.incrementAndGet();
            return null;
        })).isNull();

        assertThat(loads).hasValue(2);
        assertThat(redis.exists(prefix + ":v1:stock_master:999999:master")).isZero();
    }

    @Test
    void redisKeysCarryTheRegionTtl() {
        TieredAnalyticsCache cache = cache(1);
        for (CacheRegion region : CacheRegion.values()) {
            cache.put(region, "000660", "k", score("000660", region.ordinal()));
        }

        for (CacheRegion region : CacheRegion.values()) {
            String key = prefix + ":v1:" + region.name().toLowerCase() + ":000660:k";
            assertThat(redis.pttl(key)).as(region.name()).isPositive().isLessThanOrEqualTo(region.ttl().toMillis());
        }
        assertThat(redis.pttl(prefix + ":v1:stock-index:000660")).isPositive()
                .isLessThanOrEqualTo(FACTOR_VALUES.ttl().toMillis())
                .isGreaterThan(FACTOR_VALUES.ttl().toMillis() - 60_000);
        assertThat(redis.zrange(prefix + ":v1:stock-index:000660", 0, -1)).containsExactlyInAnyOrder(
                prefix + ":v1:factor_values:000660:k",
                prefix + ":v1:ai_prediction:000660:k",
                prefix + ":v1:final_score:000660:k");
        assertThat(redis.pttl(prefix + ":v1:last-good:final_score:000660:k"))
                .isGreaterThan(Duration.ofHours(23).toMillis())
                .isLessThanOrEqualTo(Duration.ofHours(24).toMillis());
    }

    @Test
    void l1ExpiresWithTheRegionTtlOnTheTicker() {
        TieredAnalyticsCache cache = cache(1);
        cache.put(REALTIME_PRICE, "035420", "last", 215_500L);
        cache.put(ORDER_BOOK, "035420", "top", 1L);

        advance(Duration.ofSeconds(4));
        assertThat(cache.inL1(REALTIME_PRICE, "035420", "last")).isTrue();
        assertThat(cache.inL1(ORDER_BOOK, "035420", "top")).isTrue();
        advance(Duration.ofMillis(1_001));
        assertThat(cache.inL1(ORDER_BOOK, "035420", "top")).isFalse();
        assertThat(cache.inL1(REALTIME_PRICE, "035420", "last")).isTrue();
        advance(Duration.ofSeconds(5));
        assertThat(cache.inL1(REALTIME_PRICE, "035420", "last")).isFalse();

        // Redis (real time) still holds it: the lookup misses L1 and hits L2, which refills L1 with Redis's remaining TTL.
        assertThat(cache.peek(REALTIME_PRICE, "035420", "last", Long.class)).contains(215_500L);
        assertThat(cache.statistics().l1().get(REALTIME_PRICE)).isEqualTo(new CacheStatistics.Counts(0, 1));
        assertThat(cache.statistics().l2().get(REALTIME_PRICE)).isEqualTo(new CacheStatistics.Counts(1, 0));
        assertThat(cache.inL1(REALTIME_PRICE, "035420", "last")).isTrue();
        advance(REALTIME_PRICE.ttl());
        assertThat(cache.inL1(REALTIME_PRICE, "035420", "last")).isFalse();
    }

    @Test
    void invalidateStockRemovesThatStocksAnalyticsInBothLevelsOnly() {
        TieredAnalyticsCache cache = cache(1);
        TieredAnalyticsCache otherProcess = cache(1);
        for (String symbol : List.of("005930", "000660")) {
            for (CacheRegion region : CacheRegion.values()) {
                // Loaded, not put: a load announces nothing, so the other process's L1 copy stays until invalidated.
                cache.get(region, symbol, DAY.toString(), Score.class, () -> score(symbol, region.ordinal()));
                otherProcess.peek(region, symbol, DAY.toString(), Score.class);
            }
        }
        assertThat(otherProcess.inL1(FINAL_SCORE, "005930", DAY.toString())).isTrue();

        long removed = cache.invalidateStock("005930", "disclosure 20261127000123");

        assertThat(removed).isEqualTo(3);
        for (CacheRegion region : CacheRegion.values()) {
            String samsung = prefix + ":v1:" + region.name().toLowerCase() + ":005930:" + DAY;
            String hynix = prefix + ":v1:" + region.name().toLowerCase() + ":000660:" + DAY;
            assertThat(redis.exists(samsung)).as(samsung).isEqualTo(region.invalidatedByStockEvents() ? 0L : 1L);
            assertThat(cache.inL1(region, "005930", DAY.toString())).as(region.name())
                    .isEqualTo(!region.invalidatedByStockEvents());
            assertThat(redis.exists(hynix)).as(hynix).isEqualTo(1L);
            assertThat(cache.inL1(region, "000660", DAY.toString())).isTrue();
        }
        assertThat(redis.exists(prefix + ":v1:stock-index:005930")).isZero();
        assertThat(cache.peek(FACTOR_VALUES, "005930", DAY.toString(), Score.class)).isEmpty();
        assertThat(cache.peek(STOCK_MASTER, "005930", DAY.toString(), Score.class)).isPresent();

        // The other process hears the announcement and drops its L1 copies of the stock's analytics.
        await(() -> !otherProcess.inL1(FINAL_SCORE, "005930", DAY.toString())
                && !otherProcess.inL1(FACTOR_VALUES, "005930", DAY.toString())
                && !otherProcess.inL1(AI_PREDICTION, "005930", DAY.toString()));
        assertThat(otherProcess.inL1(STOCK_MASTER, "005930", DAY.toString())).isTrue();
        assertThat(otherProcess.inL1(FINAL_SCORE, "000660", DAY.toString())).isTrue();

        // The last good score stays for the I2 fallback.
        assertThat(cache.lastGood(FINAL_SCORE, "005930", DAY.toString(), Score.class))
                .hasValueSatisfying(g -> assertThat(g.value().total()).isEqualTo(FINAL_SCORE.ordinal()));
    }

    @Test
    void aPutReplacesTheValueInOtherProcessesL1() {
        TieredAnalyticsCache writer = cache(1);
        TieredAnalyticsCache reader = cache(1);
        writer.get(FACTOR_VALUES, "051910", DAY.toString(), Score.class, () -> score("051910", 40));
        assertThat(reader.peek(FACTOR_VALUES, "051910", DAY.toString(), Score.class)).map(Score::total).contains(40L);

        writer.put(FACTOR_VALUES, "051910", DAY.toString(), score("051910", 41));

        await(() -> !reader.inL1(FACTOR_VALUES, "051910", DAY.toString()));
        assertThat(reader.peek(FACTOR_VALUES, "051910", DAY.toString(), Score.class)).map(Score::total).contains(41L);
    }

    @Test
    void aLoadThatOverlapsAnotherProcesssPutDoesNotReplaceIt() {
        TieredAnalyticsCache reader = cache(1);
        TieredAnalyticsCache writer = cache(1);
        String key = prefix + ":v1:final_score:005380:" + DAY;

        Score read = reader.get(FINAL_SCORE, "005380", DAY.toString(), Score.class, () -> {
            Score old = score("005380", 60); // read from the database just before the new score was written
            writer.put(FINAL_SCORE, "005380", DAY.toString(), score("005380", 75));
            return old;
        });

        assertThat(read.total()).isEqualTo(60);
        assertThat(redis.get(key)).contains("\"total\":75");
        await(() -> reader.peek(FINAL_SCORE, "005380", DAY.toString(), Score.class)
                .map(Score::total).orElse(-1L) == 75L);

        // Without an announcement in time, the write-if-absent of the load still leaves the newer value in Redis.
        String other = prefix + ":v1:final_score:000270:" + DAY;
        reader.get(FINAL_SCORE, "000270", DAY.toString(), Score.class, () -> {
            redis.set(other, "{\"symbol\":\"000270\",\"total\":80}");
            return score("000270", 10);
        });
        assertThat(redis.get(other)).contains("\"total\":80");
        assertThat(reader.peek(FINAL_SCORE, "000270", DAY.toString(), Score.class)).map(Score::total).contains(80L);
    }

    @Test
    void aSchemaVersionBumpClearsTheOldVersionsKeys() {
        TieredAnalyticsCache v1 = cache(1);
        v1.put(FINAL_SCORE, "005930", DAY.toString(), score("005930", 70));
        v1.put(STOCK_MASTER, "005930", "master", score("005930", 1));
        assertThat(keys(prefix + ":v1:*")).hasSize(4); // two entries, the stock index, the last good score
        assertThat(redis.get(prefix + ":schema-version")).isEqualTo("1");
        v1.close();

        TieredAnalyticsCache v2 = cache(2);

        assertThat(keys(prefix + ":v1:*")).isEmpty();
        assertThat(redis.get(prefix + ":schema-version")).isEqualTo("2");
        AtomicInteger loads = new AtomicInteger();
        v2.get(FINAL_SCORE, "005930", DAY.toString(), Score.class, () -> {
            loads.incrementAndGet();
            return score("005930", 71);
        });
        assertThat(loads).hasValue(1);

        // A process still on version 1 starting later does not wipe its successor's keys.
        cache(1);
        assertThat(redis.get(prefix + ":schema-version")).isEqualTo("2");
        assertThat(redis.exists(prefix + ":v2:final_score:005930:" + DAY)).isEqualTo(1);
    }

    @Test
    void clearAllDeletesEveryVersionInBothLevels() {
        redis.set(prefix + ":v7:final_score:005930:x", "{}");
        TieredAnalyticsCache cache = cache(8);
        assertThat(redis.exists(prefix + ":v7:final_score:005930:x")).isZero();
        redis.set(prefix + ":v9:final_score:005930:x", "{}"); // a newer process's key
        cache.put(STOCK_MASTER, "005930", "master", score("005930", 1));
        cache.put(AI_PREDICTION, "005930", DAY.toString(), score("005930", 2));

        long removed = cache.clearAll("factor table restructured");

        assertThat(removed).isEqualTo(4); // v9 key, master, prediction and its stock index
        assertThat(keys(prefix + ":v*")).isEmpty();
        assertThat(cache.inL1(STOCK_MASTER, "005930", "master")).isFalse();
        assertThat(cache.peek(AI_PREDICTION, "005930", DAY.toString(), Score.class)).isEmpty();
    }

    @Test
    void lastGoodScoresOutliveTheTtlForADayFromAnyProcess() {
        MutableClock clock = new MutableClock(NOW);
        TieredAnalyticsCache cache = cache(1, clock, null);
        cache.put(FINAL_SCORE, "005930", DAY.toString(), score("005930", 90));
        redis.unlink(prefix + ":v1:final_score:005930:" + DAY); // the 15-minute entry has expired

        TieredAnalyticsCache other = cache(1, clock, null);
        clock.set(NOW.plus(Duration.ofHours(5)));
        Optional<LastGood<Score>> good = other.lastGood(FINAL_SCORE, "005930", DAY.toString(), Score.class);

        assertThat(good).hasValueSatisfying(g -> {
            assertThat(g.value()).isEqualTo(score("005930", 90));
            assertThat(g.storedAt()).isEqualTo(NOW);
            assertThat(g.age(clock.instant())).isEqualTo(Duration.ofHours(5));
        });
        assertThat(other.peek(FINAL_SCORE, "005930", DAY.toString(), Score.class)).isEmpty();
        clock.set(NOW.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(other.lastGood(FINAL_SCORE, "005930", DAY.toString(), Score.class)).isEmpty();
        assertThat(cache.lastGood(FINAL_SCORE, "005930", DAY.toString(), Score.class)).isEmpty();
        assertThat(cache.lastGood(FINAL_SCORE, "000660", DAY.toString(), Score.class)).isEmpty();
        assertThatThrownBy(() -> cache.lastGood(FACTOR_VALUES, "005930", DAY.toString(), Score.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FACTOR_VALUES");
    }

    @Test
    void anEntryThatNoLongerReadsAsItsTypeIsDroppedAndReloaded() {
        TieredAnalyticsCache cache = cache(1);
        String key = prefix + ":v1:factor_values:005930:" + DAY;
        redis.set(key, "{\"total\":\"not a number\"}");

        Score loaded = cache.get(FACTOR_VALUES, "005930", DAY.toString(), Score.class, () -> score("005930", 5));

        assertThat(loaded.total()).isEqualTo(5);
        assertThat(redis.get(key)).contains("\"total\":5");
        assertThat(cache.statistics().l2().get(FACTOR_VALUES)).isEqualTo(new CacheStatistics.Counts(0, 1));
        assertThat(cache.statistics().l2Errors()).isZero();
    }

    @Test
    void badArgumentsAreRejectedWithAReason() {
        TieredAnalyticsCache cache = cache(1);
        assertThatThrownBy(() -> cache.put(FINAL_SCORE, "00 5930", "k", 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol");
        assertThatThrownBy(() -> cache.put(FINAL_SCORE, "005930", "k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CacheSettings.defaults(0)).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> CacheSettings.defaults(1).withKeyPrefix("aegis:*")).hasMessageContaining("keyPrefix");
    }

    @Test
    void statisticsAndMetersCountEveryLookupAndTheHitRateWarning() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger cacheLogger = (Logger) LoggerFactory.getLogger(TieredAnalyticsCache.class);
        cacheLogger.addAppender(logs);
        TieredAnalyticsCache cache = cache(1, Clock.fixed(NOW, ZoneOffset.UTC), meters);
        TieredAnalyticsCache warm = cache(1);
        warm.get(STOCK_MASTER, "000001", "master", Long.class, () -> 1L);

        // 10 lookups: 8 misses on both levels, then an L2 hit and an L1 hit.
        for (int i = 0; i < 8; i++) {
            long n = i;
            cache.get(FACTOR_VALUES, "S" + i, "k", Long.class, () -> n);
        }
        cache.get(STOCK_MASTER, "000001", "master", Long.class, () -> -1L);
        assertThat(cache.hitRateBelowWarning()).isFalse(); // 9 lookups: under the minimum
        cache.get(STOCK_MASTER, "000001", "master", Long.class, () -> -1L);

        CacheStatistics stats = cache.statistics();
        assertThat(stats.lookups()).isEqualTo(10);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.hitRate()).isCloseTo(0.2, within(1e-9));
        assertThat(stats.l1Total()).isEqualTo(new CacheStatistics.Counts(1, 9));
        assertThat(stats.l2Total()).isEqualTo(new CacheStatistics.Counts(1, 8));
        assertThat(cache.hitRateBelowWarning()).isTrue();
        assertThat(stats.hitRateBelow(0.8, 10)).isTrue();

        assertThat(requests(meters, "L1", "factor_values", "miss")).isEqualTo(8);
        assertThat(requests(meters, "L2", "factor_values", "miss")).isEqualTo(8);
        assertThat(requests(meters, "L1", "stock_master", "miss")).isEqualTo(1);
        assertThat(requests(meters, "L1", "stock_master", "hit")).isEqualTo(1);
        assertThat(requests(meters, "L2", "stock_master", "hit")).isEqualTo(1);
        assertThat(requests(meters, "L2", "final_score", "hit")).isZero();
        assertThat(meters.get("aegis.cache.hit.rate").tag("level", "overall").gauge().value()).isCloseTo(0.2, within(1e-9));
        assertThat(meters.get("aegis.cache.hit.rate").tag("level", "L1").gauge().value()).isCloseTo(0.1, within(1e-9));
        assertThat(meters.get("aegis.cache.hit.rate").tag("level", "L2").gauge().value())
                .isCloseTo(1.0 / 9, within(1e-9));
        assertThat(meters.get("aegis.cache.l2.errors").functionCounter().count()).isZero();

        // Thirty L1 hits lift the rate to 32/40 = 80%: no longer under the threshold.
        for (int i = 0; i < 30; i++) {
            cache.get(STOCK_MASTER, "000001", "master", Long.class, () -> -1L);
        }
        assertThat(cache.statistics().hitRate()).isCloseTo(0.8, within(1e-9));
        assertThat(cache.hitRateBelowWarning()).isFalse();
        cacheLogger.detachAppender(logs);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("20.0%").contains("(M2)"));

        cache.close();
        assertThat(meters.find("aegis.cache.requests").meters()).isEmpty();
    }

    private static double requests(SimpleMeterRegistry meters, String level, String region, String result) {
        return meters.get("aegis.cache.requests")
                .tags("level", level, "region", region, "result", result)
                .functionCounter().count();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
