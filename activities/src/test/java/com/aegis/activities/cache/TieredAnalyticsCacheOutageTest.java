package com.aegis.activities.cache;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aegis.localstack.LocalStack;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.aegis.activities.cache.CacheRegion.FACTOR_VALUES;
import static com.aegis.activities.cache.CacheRegion.FINAL_SCORE;
import static com.aegis.activities.cache.CacheRegion.REALTIME_PRICE;
import static com.aegis.activities.cache.CacheRegion.STOCK_MASTER;
import static com.aegis.activities.cache.TieredAnalyticsCacheTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis unreachable, unresponsive, or cut and restored: lookups stay correct, bounded in time, and never throw. */
class TieredAnalyticsCacheOutageTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final String prefix = "aegis-outage:" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger cacheLogger = (Logger) LoggerFactory.getLogger(TieredAnalyticsCache.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        cacheLogger.addAppender(logs);
    }

    @AfterEach
    void release() throws Exception {
        cacheLogger.detachAppender(logs);
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private TieredAnalyticsCache cache(String uri, Duration retryInterval, SimpleMeterRegistry meters) {
        CacheSettings settings = CacheSettings.defaults(1).withKeyPrefix(prefix).withRedisTimeout(TIMEOUT, retryInterval);
        TieredAnalyticsCache cache = new TieredAnalyticsCache(uri, settings, meters, () -> 0L,
                Clock.fixed(Instant.parse("2026-11-27T06:40:00Z"), ZoneOffset.UTC));
        opened.add(cache);
        return cache;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private long warnings(String text) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains(text)).count();
    }

    @Test
    void withNobodyListeningLookupsFallThroughToTheLoaderQuickly() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long started = System.nanoTime();
        TieredAnalyticsCache cache = cache("redis://127.0.0.1:" + freePort(), Duration.ofSeconds(1), meters);
        AtomicInteger loads = new AtomicInteger();

        for (int i = 0; i < 50; i++) {
            long n = i;
            assertThat(cache.get(FACTOR_VALUES, "S" + i, "2026-11-27", Long.class, () -> {
                loads.incrementAndGet();
                return n;
            })).isEqualTo(n);
        }
        // L1 still serves what was loaded.
        assertThat(cache.get(FACTOR_VALUES, "S7", "2026-11-27", Long.class, () -> -1L)).isEqualTo(7L);
        cache.put(STOCK_MASTER, "005930", "master", 1L);
        assertThat(cache.peek(STOCK_MASTER, "005930", "master", Long.class)).contains(1L);
        assertThat(cache.peek(STOCK_MASTER, "000660", "master", Long.class)).isEmpty();
        assertThat(cache.invalidateStock("S3", "disclosure")).isEqualTo(1);
        assertThat(cache.clearAll("test")).isZero();
        assertThat(cache.lastGood(FINAL_SCORE, "005930", "2026-11-27", Long.class)).isEmpty();
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(loads).hasValue(50);
        assertThat(elapsedMillis).isLessThan(2_000);
        assertThat(cache.redisDown()).isTrue();
        assertThat(cache.statistics().l2Errors()).isGreaterThanOrEqualTo(50);
        assertThat(cache.statistics().l2().get(FACTOR_VALUES).misses()).isEqualTo(50);
        assertThat(meters.get("aegis.cache.l2.errors").functionCounter().count())
                .isEqualTo(cache.statistics().l2Errors());
        assertThat(warnings("Redis cache level unavailable")).isEqualTo(1);
    }

    @Test
    void anUnresponsiveRedisCostsAtMostTheTimeoutPerAttempt() throws IOException {
        // Accepts connections (in the kernel backlog) but never answers a command.
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            long started = System.nanoTime();
            TieredAnalyticsCache cache = cache("redis://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(100),
                    null);
            long constructed = System.nanoTime();
            Long value = cache.get(REALTIME_PRICE, "005930", "last", Long.class, () -> 71_000L);
            long afterGet = System.nanoTime();

            assertThat(value).isEqualTo(71_000L);
            assertThat(TimeUnit.NANOSECONDS.toMillis(constructed - started)).isLessThan(1_500);
            assertThat(TimeUnit.NANOSECONDS.toMillis(afterGet - constructed)).isLessThan(1_500);
            assertThat(cache.statistics().l2Errors()).isPositive();
            assertThat(cache.redisDown()).isTrue();
        }
    }

    @Test
    void tooManyMissedPutsClearTheVersionsEntriesButKeepTheLastGoodScores() throws Exception {
        RedisCommands<String, String> redis = inspect();
        TcpProxy proxy = proxy();
        TieredAnalyticsCache cache = cache("redis://127.0.0.1:" + proxy.port(), Duration.ofMillis(50), null);
        cache.put(FINAL_SCORE, "005930", "2026-11-27", 88L);
        cache.put(STOCK_MASTER, "005930", "master", 1L);
        String lastGoodKey = prefix + ":v1:last-good:final_score:005930:2026-11-27";

        proxy.stop();
        for (int i = 0; i < 10_001; i++) {
            cache.put(REALTIME_PRICE, "S" + i, "last", (long) i);
        }
        proxy.start();
        await(() -> {
            cache.peek(REALTIME_PRICE, "005930", "probe", Long.class);
            return !cache.redisDown();
        });

        assertThat(redis.exists(prefix + ":v1:final_score:005930:2026-11-27", prefix + ":v1:stock_master:005930:master",
                prefix + ":v1:stock-index:005930")).isZero();
        assertThat(redis.exists(lastGoodKey)).isEqualTo(1);
        assertThat(cache.lastGood(FINAL_SCORE, "005930", "2026-11-27", Long.class))
                .hasValueSatisfying(g -> assertThat(g.value()).isEqualTo(88L));
        redis.unlink(lastGoodKey);
    }

    private RedisCommands<String, String> inspect() {
        RedisClient inspector = RedisClient.create(LocalStack.sharedForTests().redisUri());
        opened.add(inspector::shutdown);
        StatefulRedisConnection<String, String> inspection = inspector.connect();
        opened.add(inspection);
        return inspection.sync();
    }

    private TcpProxy proxy() throws IOException {
        RedisURI target = RedisURI.create(LocalStack.sharedForTests().redisUri());
        TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort());
        opened.add(proxy);
        return proxy;
    }

    @Test
    void aCutRedisIsSkippedAndAfterItsReturnMissedDeletionsAreReplayedBeforeItIsReadAgain() throws Exception {
        RedisCommands<String, String> redis = inspect();
        TcpProxy proxy = proxy();

        TieredAnalyticsCache cache = cache("redis://127.0.0.1:" + proxy.port(), Duration.ofMillis(50), null);
        String scoreKey = prefix + ":v1:final_score:005930:2026-11-27";
        String masterKey = prefix + ":v1:stock_master:005930:master";
        cache.put(FINAL_SCORE, "005930", "2026-11-27", 88L);
        cache.put(STOCK_MASTER, "005930", "master", 1L);
        assertThat(redis.exists(scoreKey, masterKey)).isEqualTo(2);

        proxy.stop();
        long started = System.nanoTime();
        assertThat(cache.get(FACTOR_VALUES, "000660", "2026-11-27", Long.class, () -> 5L)).isEqualTo(5L);
        assertThat(cache.invalidateStock("005930", "disclosure during the outage")).isEqualTo(1);
        cache.put(STOCK_MASTER, "005930", "master", 2L);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_500);
        assertThat(cache.redisDown()).isTrue();
        assertThat(cache.statistics().l2Errors()).isPositive();
        // Redis itself still holds the stale entries the outage kept the cache from deleting.
        assertThat(redis.exists(scoreKey, masterKey)).isEqualTo(2);

        proxy.start();
        await(() -> {
            cache.peek(REALTIME_PRICE, "005930", "probe", Long.class);
            return !cache.redisDown();
        });

        assertThat(redis.exists(scoreKey)).isZero();
        assertThat(redis.exists(masterKey)).isZero();
        assertThat(cache.peek(FINAL_SCORE, "005930", "2026-11-27", Long.class)).isEmpty();
        cache.put(FINAL_SCORE, "005930", "2026-11-27", 91L);
        assertThat(redis.get(scoreKey)).isEqualTo("91");
        assertThat(warnings("Redis cache level unavailable")).isEqualTo(1);
        assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().contains("reachable again"));
        redis.unlink(scoreKey, prefix + ":v1:stock-index:005930", prefix + ":v1:last-good:final_score:005930:2026-11-27",
                prefix + ":v1:factor_values:000660:2026-11-27");
    }
}
