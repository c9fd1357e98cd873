package com.aegis.activities.cache;

import com.aegis.activities.cache.CacheCodec.CacheDecodingException;
import com.aegis.activities.cache.CacheMetrics.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link AnalyticsCache} with L1 in the process (Caffeine, one cache per region) and L2 in Redis (Lettuce, JSON values).
 *
 * <p>Redis keys: {@code <prefix>:v<schemaVersion>:<region>:<symbol>:<key>}, the region in lower case. Entries of the
 * per-stock regions are listed in a sorted set {@code <prefix>:v<n>:stock-index:<symbol>} (score: expiry time), which
 * {@link #invalidateStock} deletes atomically with the entries. Final scores are also kept for 24 h as
 * {@code <prefix>:v<n>:last-good:final_score:<symbol>:<key>} for the I2 fallback ({@link #lastGood}); event
 * invalidation leaves those, because they are served only as explicitly stale scores. The current schema version is
 * recorded in {@code <prefix>:schema-version}.
 *
 * <p>Puts and invalidations are announced on the channel {@code <prefix>:invalidations}, so other processes drop the
 * entries from their L1; after a reconnect a process clears its L1, since it may have missed announcements.
 *
 * <p>Redis failures make the cache slower, never wrong: every Redis call is bounded by the configured timeout, a
 * failure is counted as an L2 error and the lookup falls through to the loader; for the retry interval after a failure
 * Redis is skipped. Deletions that could not reach Redis (an invalidation, the previous value under a put) are
 * replayed before Redis is read again. The outage is logged once at WARN, the recovery once at INFO.
 *
 * <p>Every get and peek counts as one lookup: an L1 hit, or an L1 miss followed by an L2 hit or miss. The counts are
 * exported as Micrometer meters {@code aegis.cache.requests} (level, region, result), {@code aegis.cache.hit.rate}
 * (level L1, L2, overall) and {@code aegis.cache.l2.errors}; the overall rate falling under the M2 threshold is logged
 * at WARN once per crossing ({@link #hitRateBelowWarning()}). Give each cache its own registry, or close the previous
 * cache first: the meters are registered once per name and tags.
 *
 * <p>Values in L1 are shared objects; cache immutable values (records) only. Thread-safe.
 */
public final class TieredAnalyticsCache implements AnalyticsCache, AutoCloseable {

    /** Regions of which the last good value is kept for the incident fallback (I2: the last good scores). */
    public static final Set<CacheRegion> LAST_GOOD_REGIONS = Set.of(CacheRegion.FINAL_SCORE);

    private static final Logger log = LoggerFactory.getLogger(TieredAnalyticsCache.class);

    /** Longest TTL among the per-stock regions: the stock index outlives every entry it lists. */
    private static final Duration STOCK_INDEX_TTL = Arrays.stream(CacheRegion.values())
            .filter(CacheRegion::invalidatedByStockEvents)
            .map(CacheRegion::ttl)
            .max(Duration::compareTo)
            .orElseThrow();
    /** Failed puts remembered for a later delete; past this many the version's entries (not the last good) go. */
    private static final int MAX_PENDING_KEY_DELETES = 10_000;
    private static final int SCAN_PAGE = 1_000;
    /** {@code invalidationsBefore} of a put, which no invalidation can make stale. */
    private static final long PUT = -1;

    /**
     * One entry, atomically. KEYS: entry, stock index, last-good copy. ARGV: 1 JSON, 2 TTL ms, 3 '1' to index it
     * (score: expiry in Redis server time; expired members are pruned), 4 index TTL ms, 5 stamped JSON of the
     * last-good copy or '', 6 its TTL ms, 7 channel or '' and 8 message to announce, 9 '1' to write only if absent
     * (a load). Returns 0 when a load found the entry already there.
     */
    private static final String PUT_SCRIPT = """
            if ARGV[9] == '1' then
              if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
                return 0
              end
            else
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            end
            if ARGV[3] == '1' then
              local t = redis.call('TIME')
              local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), KEYS[1])
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
              redis.call('PEXPIRE', KEYS[2], ARGV[4])
            end
            if ARGV[5] ~= '' then
              redis.call('SET', KEYS[3], ARGV[5], 'PX', ARGV[6])
            end
            if ARGV[7] ~= '' then
              redis.call('PUBLISH', ARGV[7], ARGV[8])
            end
            return 1
            """;

    /**
     * Deletes the entries a stock index lists and the index, atomically, so a concurrent put is either deleted or
     * indexed anew. KEYS: stock index. ARGV: channel or '' and message to announce. Returns the entries removed.
     */
    private static final String INVALIDATE_STOCK_SCRIPT = """
            local members = redis.call('ZRANGE', KEYS[1], 0, -1)
            local removed = 0
            for i = 1, #members, 500 do
              removed = removed + redis.call('UNLINK', unpack(members, i, math.min(i + 499, #members)))
            end
            redis.call('UNLINK', KEYS[1])
            if ARGV[1] ~= '' then
              redis.call('PUBLISH', ARGV[1], ARGV[2])
            end
            return removed
            """;

    private final CacheSettings settings;
    private final CacheCodec codec;
    private final ObjectMapper messages = new ObjectMapper();
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final String versionPrefix;
    private final String schemaVersionKey;
    private final String channel;
    private final Map<CacheRegion, Cache<L1Key, L1Entry>> l1 = new EnumMap<>(CacheRegion.class);
    private final Cache<LastGoodKey, LastGood<?>> lastGoodL1;
    private final CacheMetrics metrics;
    /** Incremented by every invalidation: a load that overlapped one is returned but not cached. */
    private final AtomicLong invalidations = new AtomicLong();

    private final ClientResources resources;
    private final RedisClient client;
    private final ReentrantLock connectLock = new ReentrantLock();
    private volatile Links links;
    private volatile long skipRedisUntil;
    private volatile boolean skipping;
    private final AtomicBoolean l2Down = new AtomicBoolean();
    private volatile boolean closed;

    private final Object repairLock = new Object();
    private final Set<String> pendingStockInvalidations = new HashSet<>();
    private final Set<String> pendingKeyDeletes = new HashSet<>();
    private boolean pendingClearAll;
    /** Too many failed puts to remember: the current version's entries (not the last good ones) go instead. */
    private boolean pendingClearEntries;
    private volatile boolean repairsPending;

    /** A cache on the Redis at {@code redisUri} (e.g. {@code redis://127.0.0.1:6379}); {@code meters} may be null. */
    public TieredAnalyticsCache(String redisUri, CacheSettings settings, MeterRegistry meters) {
        this(redisUri, settings, meters, Ticker.systemTicker(), Clock.systemUTC());
    }

    /**
     * A cache with the L1 clock ({@code ticker}) and the wall clock of the last-good stamps given (tests).
     * Connects to Redis and applies the schema version now; an unreachable Redis is tried again on use.
     */
    public TieredAnalyticsCache(String redisUri, CacheSettings settings, MeterRegistry meters, Ticker ticker,
                                Clock clock) {
        Objects.requireNonNull(redisUri, "redisUri");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(ticker, "ticker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = new CacheCodec();
        this.versionPrefix = settings.keyPrefix() + ":v" + settings.schemaVersion() + ":";
        this.schemaVersionKey = settings.keyPrefix() + ":schema-version";
        this.channel = settings.keyPrefix() + ":invalidations";
        for (CacheRegion region : CacheRegion.values()) {
            l1.put(region, Caffeine.newBuilder()
                    .maximumSize(settings.l1MaxEntries())
                    .expireAfter(new EntryExpiry())
                    .ticker(ticker)
                    .executor(Runnable::run)
                    .build());
        }
        this.lastGoodL1 = Caffeine.newBuilder()
                .maximumSize(settings.l1MaxEntries())
                .expireAfterWrite(settings.lastGoodRetention())
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        this.metrics = new CacheMetrics(meters, settings.hitRateWarningThreshold(), settings.hitRateMinLookups());

        Duration timeout = settings.redisTimeout();
        RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(timeout);
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), settings.redisRetryInterval(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (connection instanceof StatefulRedisPubSubConnection<?, ?>) {
                    clearL1();
                }
            }
        });
        try {
            redis("connect", call -> null);
        } catch (L2Unavailable e) {
            log.debug("Redis cache level not reachable at start; retried on use");
        }
    }

    // ---------------------------------------------------------------------------------------------------- reads

    @Override
    public <T> T get(CacheRegion region, String symbol, String key, Class<T> type, Supplier<T> loader) {
        Objects.requireNonNull(loader, "loader");
        long invalidationsBefore = invalidations.get();
        Optional<T> cached = lookup(region, symbol, key, type);
        if (cached.isPresent()) {
            return cached.get();
        }
        T loaded = loader.get();
        if (loaded != null) {
            try {
                store(region, symbol, key, loaded, invalidationsBefore);
            } catch (IllegalArgumentException e) {
                log.warn("Not caching {} {}:{}: {}", region, symbol, key, e.getMessage());
            }
        }
        return loaded;
    }

    @Override
    public <T> Optional<T> peek(CacheRegion region, String symbol, String key, Class<T> type) {
        return lookup(region, symbol, key, type);
    }

    private <T> Optional<T> lookup(CacheRegion region, String symbol, String key, Class<T> type) {
        checkArguments(region, symbol, key);
        Objects.requireNonNull(type, "type");
        L1Key l1Key = new L1Key(symbol, key);
        L1Entry entry = l1.get(region).getIfPresent(l1Key);
        if (entry != null && type.isInstance(entry.value())) {
            metrics.hit(Level.L1, region);
            return Optional.of(type.cast(entry.value()));
        }
        metrics.miss(Level.L1, region);
        long invalidationsBefore = invalidations.get();
        String redisKey = redisKey(region, symbol, key);
        L2Read read;
        try {
            read = redis("GET", call -> {
                RedisFuture<String> value = call.commands().get(redisKey);
                RedisFuture<Long> ttl = call.commands().pttl(redisKey);
                return new L2Read(call.await(value), call.await(ttl));
            });
        } catch (L2Unavailable e) {
            metrics.miss(Level.L2, region);
            return Optional.empty();
        }
        if (read.json() == null) {
            metrics.miss(Level.L2, region);
            return Optional.empty();
        }
        T value;
        try {
            value = codec.decode(read.json(), type);
        } catch (CacheDecodingException e) {
            log.warn("Dropping cache entry {}: {}", redisKey, e.getMessage());
            deleteQuietly(redisKey);
            metrics.miss(Level.L2, region);
            return Optional.empty();
        }
        metrics.hit(Level.L2, region);
        long ttlMillis = read.pttlMillis() == -1 ? region.ttl().toMillis()
                : Math.min(read.pttlMillis(), region.ttl().toMillis());
        if (ttlMillis > 0) {
            l1.get(region).put(l1Key, new L1Entry(value, TimeUnit.MILLISECONDS.toNanos(ttlMillis)));
            if (invalidations.get() != invalidationsBefore) {
                l1.get(region).invalidate(l1Key); // what Redis returned may predate that invalidation
            }
        }
        return Optional.of(value);
    }

    /**
     * The last good value of a region in {@link #LAST_GOOD_REGIONS} (I2), at most
     * {@link CacheSettings#lastGoodRetention()} old; kept across TTL expiry and event invalidation, removed by
     * {@link #clearAll} and schema changes.
     */
    public <T> Optional<LastGood<T>> lastGood(CacheRegion region, String symbol, String key, Class<T> type) {
        checkArguments(region, symbol, key);
        Objects.requireNonNull(type, "type");
        if (!LAST_GOOD_REGIONS.contains(region)) {
            throw new IllegalArgumentException("No last good values are kept for " + region + "; only for "
                    + LAST_GOOD_REGIONS);
        }
        Instant now = clock.instant();
        LastGoodKey l1Key = new LastGoodKey(region, symbol, key);
        LastGood<?> local = lastGoodL1.getIfPresent(l1Key);
        if (local != null && type.isInstance(local.value()) && withinRetention(local, now)) {
            return Optional.of(new LastGood<>(type.cast(local.value()), local.storedAt()));
        }
        String redisKey = lastGoodKey(region, symbol, key);
        String json;
        try {
            json = redis("GET last good", call -> call.await(call.commands().get(redisKey)));
        } catch (L2Unavailable e) {
            return Optional.empty();
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            LastGood<T> stored = codec.decodeStamped(json, type);
            if (!withinRetention(stored, now)) {
                return Optional.empty();
            }
            lastGoodL1.put(l1Key, stored);
            return Optional.of(stored);
        } catch (CacheDecodingException e) {
            log.warn("Dropping last good entry {}: {}", redisKey, e.getMessage());
            deleteQuietly(redisKey);
            return Optional.empty();
        }
    }

    private boolean withinRetention(LastGood<?> value, Instant now) {
        return value.age(now).compareTo(settings.lastGoodRetention()) <= 0;
    }

    // --------------------------------------------------------------------------------------------------- writes

    @Override
    public <T> void put(CacheRegion region, String symbol, String key, T value) {
        checkArguments(region, symbol, key);
        Objects.requireNonNull(value, "value");
        store(region, symbol, key, value, PUT);
    }

    /**
     * Both levels. A put ({@code invalidationsBefore == PUT}) overwrites Redis and tells other processes to drop their
     * L1 copy. A load writes Redis only if the key is absent, so it never replaces a value another process put
     * meanwhile, and is dropped if an invalidation happened since the lookup began: the loaded value may predate it.
     */
    private void store(CacheRegion region, String symbol, String key, Object value, long invalidationsBefore) {
        boolean announce = invalidationsBefore == PUT;
        String json = codec.encode(value);
        boolean keepLastGood = LAST_GOOD_REGIONS.contains(region);
        Instant now = clock.instant();
        String stamped = keepLastGood ? codec.encodeStamped(value, now) : "";
        L1Key l1Key = new L1Key(symbol, key);
        LastGoodKey lastGoodL1Key = new LastGoodKey(region, symbol, key);
        l1.get(region).put(l1Key, new L1Entry(value, region.ttl().toNanos()));
        if (keepLastGood) {
            lastGoodL1.put(lastGoodL1Key, new LastGood<>(value, now));
        }
        // Checked after the L1 write: an eviction counted later also comes later, so it removes what was written.
        if (!announce && invalidations.get() != invalidationsBefore) {
            l1.get(region).invalidate(l1Key);
            lastGoodL1.invalidate(lastGoodL1Key);
            return;
        }
        String redisKey = redisKey(region, symbol, key);
        String[] keys = {redisKey, stockIndexKey(symbol), lastGoodKey(region, symbol, key)};
        String[] args = {
                json,
                Long.toString(region.ttl().toMillis()),
                region.invalidatedByStockEvents() ? "1" : "0",
                Long.toString(STOCK_INDEX_TTL.toMillis()),
                stamped,
                Long.toString(settings.lastGoodRetention().toMillis()),
                announce ? channel : "",
                announce ? message("entry", region, symbol, key) : "",
                announce ? "0" : "1"};
        try {
            Long written = redis("SET",
                    call -> call.await(call.commands().<Long>eval(PUT_SCRIPT, ScriptOutputType.INTEGER, keys, args)));
            if (written != null && written == 0) {
                // Another process stored the entry first; its value is the one to serve.
                l1.get(region).invalidate(l1Key);
                lastGoodL1.invalidate(lastGoodL1Key);
            }
        } catch (L2Unavailable e) {
            if (announce) {
                // Redis may still hold the value this put replaces: delete it before Redis is read again.
                remember(() -> {
                    if (pendingClearAll || pendingClearEntries) {
                        return;
                    }
                    if (pendingKeyDeletes.size() >= MAX_PENDING_KEY_DELETES) {
                        log.warn("More than {} puts missed Redis during the outage; its entries of version {} will be"
                                + " cleared when it is back", MAX_PENDING_KEY_DELETES, settings.schemaVersion());
                        pendingClearEntries = true;
                        pendingKeyDeletes.clear();
                        pendingStockInvalidations.clear();
                    } else {
                        pendingKeyDeletes.add(redisKey);
                    }
                });
            }
        }
    }

    // ------------------------------------------------------------------------------------------- invalidation

    /**
     * Deletes the per-stock regions' entries of {@code symbol}; returns how many Redis entries were removed, or how
     * many L1 entries when Redis is unreachable (the Redis deletion then follows once it is back).
     */
    @Override
    public long invalidateStock(String symbol, String reason) {
        requireSymbol(symbol);
        invalidations.incrementAndGet();
        long local = evictStockL1(symbol);
        try {
            Long removed = redis("invalidate stock", call -> invalidateStockL2(call, symbol, true));
            log.info("Cache invalidated for {} ({}): {} Redis entries, {} in-process", symbol, reason, removed, local);
            return removed;
        } catch (L2Unavailable e) {
            remember(() -> {
                if (!pendingClearAll && !pendingClearEntries) {
                    pendingStockInvalidations.add(symbol);
                }
            });
            log.info("Cache invalidated for {} ({}): {} in-process entries; Redis follows when reachable",
                    symbol, reason, local);
            return local;
        }
    }

    private Long invalidateStockL2(RedisCall call, String symbol, boolean announce) throws Exception {
        String[] keys = {stockIndexKey(symbol)};
        String[] args = {announce ? channel : "", announce ? message("stock", null, symbol, null) : ""};
        return call.await(call.commands().<Long>eval(INVALIDATE_STOCK_SCRIPT, ScriptOutputType.INTEGER, keys, args));
    }

    /** Deletes every entry of every region and schema version in both levels; returns the Redis keys removed. */
    @Override
    public long clearAll(String reason) {
        clearL1();
        try {
            long removed = redis("clear all", call -> clearAllL2(call, true));
            log.info("Cache cleared ({}): {} Redis keys removed", reason, removed);
            return removed;
        } catch (L2Unavailable e) {
            remember(() -> {
                pendingClearAll = true;
                pendingClearEntries = false;
                pendingKeyDeletes.clear();
                pendingStockInvalidations.clear();
            });
            log.info("Cache cleared in-process ({}); Redis follows when reachable", reason);
            return 0;
        }
    }

    private long clearAllL2(RedisCall call, boolean announce) throws Exception {
        long removed = deleteMatching(call, settings.keyPrefix() + ":v*", key -> true);
        if (announce) {
            call.await(call.commands().publish(channel, message("all", null, null, null)));
        }
        return removed;
    }

    private long evictStockL1(String symbol) {
        long removed = 0;
        for (CacheRegion region : CacheRegion.values()) {
            if (region.invalidatedByStockEvents()) {
                Set<L1Key> keys = l1.get(region).asMap().keySet();
                int before = keys.size();
                keys.removeIf(k -> k.symbol().equals(symbol));
                removed += before - keys.size();
            }
        }
        return removed;
    }

    private void clearL1() {
        invalidations.incrementAndGet();
        l1.values().forEach(Cache::invalidateAll);
        lastGoodL1.invalidateAll();
    }

    // ------------------------------------------------------------------------------------------------- health

    /** Hit and miss counts per level and region since start, and the Redis errors. */
    @Override
    public CacheStatistics statistics() {
        return metrics.snapshot();
    }

    /**
     * True when at least {@link CacheSettings#hitRateMinLookups()} lookups were made and the share answered by L1 or
     * L2 is under {@link CacheSettings#hitRateWarningThreshold()} (M2 warning); the crossing is also logged at WARN.
     */
    public boolean hitRateBelowWarning() {
        return metrics.hitRateBelowWarning();
    }

    /** True while Redis calls are failing (since the last failure and until a call succeeds). */
    public boolean redisDown() {
        return l2Down.get();
    }

    /** Whether L1 holds the entry now (tests and diagnostics; not a lookup, not counted). */
    boolean inL1(CacheRegion region, String symbol, String key) {
        return l1.get(region).getIfPresent(new L1Key(symbol, key)) != null;
    }

    public CacheSettings settings() {
        return settings;
    }

    /** Closes the Redis connections and removes the meters. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connectLock.lock();
        try {
            Links current = links;
            links = null;
            if (current != null) {
                current.close();
            }
        } finally {
            connectLock.unlock();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        metrics.close();
    }

    // ------------------------------------------------------------------------------------------------- Redis

    /** Runs Redis commands within the timeout; any failure is counted, logged once per outage and thrown as L2Unavailable. */
    private <R> R redis(String what, RedisOperation<R> operation) throws L2Unavailable {
        if (closed) {
            // Shutting down: lookups still in flight are served by L1 and the loader.
            throw L2Unavailable.INSTANCE;
        }
        if (skipping && System.nanoTime() - skipRedisUntil < 0) {
            metrics.l2Error();
            throw L2Unavailable.INSTANCE;
        }
        try {
            Links current = links != null ? links : connect();
            RedisCall call = new RedisCall(current.commands.async(), settings.redisTimeout());
            if (repairsPending) {
                repair(call);
            }
            R result = operation.run(call);
            skipping = false;
            if (l2Down.compareAndSet(true, false)) {
                log.info("Redis cache level is reachable again");
            }
            return result;
        } catch (L2Unavailable e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what, e);
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    private L2Unavailable failure(String what, Exception e) {
        metrics.l2Error();
        skipRedisUntil = System.nanoTime() + settings.redisRetryInterval().toNanos();
        skipping = true;
        if (l2Down.compareAndSet(false, true)) {
            log.warn("Redis cache level unavailable ({} failed: {}); lookups fall through to the database until it"
                    + " is back", what, describe(e));
        } else {
            log.debug("Redis cache call {} failed during the outage: {}", what, describe(e));
        }
        return L2Unavailable.INSTANCE;
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Opens the command and the subscription connections and applies the schema version; one thread at a time. */
    private Links connect() throws Exception {
        if (!connectLock.tryLock()) {
            // Another thread is connecting: this lookup does not wait for it.
            metrics.l2Error();
            throw L2Unavailable.INSTANCE;
        }
        StatefulRedisConnection<String, String> commands = null;
        StatefulRedisPubSubConnection<String, String> subscription = null;
        try {
            if (links != null) {
                return links;
            }
            if (closed) {
                throw new IllegalStateException("The cache is closed");
            }
            commands = client.connect();
            subscription = client.connectPubSub();
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    onAnnouncement(message);
                }
            });
            RedisCall call = new RedisCall(commands.async(), settings.redisTimeout());
            call.await(subscription.async().subscribe(channel));
            applySchemaVersion(call);
            links = new Links(commands, subscription);
            return links;
        } catch (Exception e) {
            if (subscription != null) {
                subscription.closeAsync();
            }
            if (commands != null) {
                commands.closeAsync();
            }
            throw e;
        } finally {
            connectLock.unlock();
        }
    }

    /**
     * C2 by version: when Redis records another version than ours (or none), deletes every key of the other versions
     * and records ours. A newer recorded version is left alone: an old process must not wipe its successor's data.
     */
    private void applySchemaVersion(RedisCall call) throws Exception {
        int current = settings.schemaVersion();
        String recorded = call.await(call.commands().get(schemaVersionKey));
        Integer recordedVersion = parseVersion(recorded);
        if (recordedVersion != null && recordedVersion == current) {
            return;
        }
        if (recordedVersion != null && recordedVersion > current) {
            log.warn("Redis records cache schema version {}, newer than this process's {}; its keys are left alone",
                    recordedVersion, current);
            return;
        }
        long removed = deleteMatching(call, settings.keyPrefix() + ":v*", key -> {
            Integer version = versionOf(key);
            return version != null && version != current;
        });
        call.await(call.commands().set(schemaVersionKey, Integer.toString(current)));
        log.info("Cache schema version {} -> {}: {} keys of other versions removed from Redis",
                recorded == null ? "none" : recorded, current, removed);
    }

    private Integer versionOf(String key) {
        String start = settings.keyPrefix() + ":v";
        if (!key.startsWith(start)) {
            return null;
        }
        int end = key.indexOf(':', start.length());
        return end < 0 ? null : parseVersion(key.substring(start.length(), end));
    }

    private static Integer parseVersion(String text) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }

    /** SCAN + UNLINK of the keys matching a pattern and a test; returns how many were removed. */
    private long deleteMatching(RedisCall call, String pattern, Predicate<String> test) throws Exception {
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(SCAN_PAGE);
        ScanCursor cursor = ScanCursor.INITIAL;
        long removed = 0;
        do {
            KeyScanCursor<String> page = call.await(call.commands().scan(cursor, args));
            List<String> doomed = page.getKeys().stream().filter(test).toList();
            if (!doomed.isEmpty()) {
                removed += call.await(call.commands().unlink(doomed.toArray(String[]::new)));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return removed;
    }

    private void remember(Runnable change) {
        synchronized (repairLock) {
            change.run();
            repairsPending = pendingClearAll || pendingClearEntries || !pendingStockInvalidations.isEmpty()
                    || !pendingKeyDeletes.isEmpty();
        }
    }

    /**
     * Replays the deletions that failed during an outage, before Redis is read again. Other processes are told to
     * drop their L1 when puts were missed, since those puts' announcements were lost too.
     */
    private void repair(RedisCall call) throws Exception {
        synchronized (repairLock) {
            if (!repairsPending) {
                return;
            }
            if (pendingClearAll) {
                long removed = clearAllL2(call, true);
                log.info("Cache clear replayed after the Redis outage: {} keys removed", removed);
            } else if (pendingClearEntries) {
                String lastGood = versionPrefix + "last-good:";
                long removed = deleteMatching(call, versionPrefix + "*", key -> !key.startsWith(lastGood));
                call.await(call.commands().publish(channel, message("all", null, null, null)));
                log.info("Cache entries of version {} cleared after the Redis outage: {} keys removed",
                        settings.schemaVersion(), removed);
            } else {
                for (String symbol : pendingStockInvalidations) {
                    invalidateStockL2(call, symbol, true);
                }
                if (!pendingKeyDeletes.isEmpty()) {
                    call.await(call.commands().unlink(pendingKeyDeletes.toArray(String[]::new)));
                    call.await(call.commands().publish(channel, message("all", null, null, null)));
                }
                log.info("Cache deletions replayed after the Redis outage: {} stock invalidations, {} entries of"
                        + " missed puts", pendingStockInvalidations.size(), pendingKeyDeletes.size());
            }
            pendingClearAll = false;
            pendingClearEntries = false;
            pendingStockInvalidations.clear();
            pendingKeyDeletes.clear();
            repairsPending = false;
        }
    }

    private void deleteQuietly(String redisKey) {
        try {
            redis("UNLINK", call -> call.await(call.commands().unlink(redisKey)));
        } catch (L2Unavailable ignored) {
            // Counted and logged by redis(); the entry expires with its TTL.
        }
    }

    // ----------------------------------------------------------------------------------------- announcements

    private String message(String op, CacheRegion region, String symbol, String key) {
        var node = messages.createObjectNode().put("from", instanceId).put("op", op);
        if (region != null) {
            node.put("region", region.name());
        }
        if (symbol != null) {
            node.put("symbol", symbol);
        }
        if (key != null) {
            node.put("key", key);
        }
        return node.toString();
    }

    /** Another process changed or invalidated entries: drop them from L1. */
    private void onAnnouncement(String message) {
        try {
            JsonNode node = messages.readTree(message);
            if (instanceId.equals(node.path("from").asText())) {
                return;
            }
            switch (node.path("op").asText()) {
                case "entry" -> {
                    invalidations.incrementAndGet();
                    CacheRegion region = CacheRegion.valueOf(node.path("region").asText());
                    l1.get(region).invalidate(new L1Key(node.path("symbol").asText(), node.path("key").asText()));
                    if (LAST_GOOD_REGIONS.contains(region)) {
                        lastGoodL1.invalidate(new LastGoodKey(region, node.path("symbol").asText(),
                                node.path("key").asText()));
                    }
                }
                case "stock" -> {
                    invalidations.incrementAndGet();
                    evictStockL1(node.path("symbol").asText());
                }
                case "all" -> clearL1();
                default -> log.warn("Ignoring a cache announcement with an unknown op: {}", message);
            }
        } catch (Exception e) {
            log.warn("Ignoring an unreadable cache announcement '{}': {}", message, e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------------- keys

    String redisKey(CacheRegion region, String symbol, String key) {
        return versionPrefix + region.name().toLowerCase(Locale.ROOT) + ":" + symbol + ":" + key;
    }

    String stockIndexKey(String symbol) {
        return versionPrefix + "stock-index:" + symbol;
    }

    String lastGoodKey(CacheRegion region, String symbol, String key) {
        return versionPrefix + "last-good:" + region.name().toLowerCase(Locale.ROOT) + ":" + symbol + ":" + key;
    }

    private static void checkArguments(CacheRegion region, String symbol, String key) {
        Objects.requireNonNull(region, "region");
        requireSymbol(symbol);
        Objects.requireNonNull(key, "key");
    }

    private static void requireSymbol(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        boolean valid = !symbol.isEmpty();
        for (int i = 0; i < symbol.length() && valid; i++) {
            char c = symbol.charAt(i);
            valid = c != ':' && !Character.isWhitespace(c);
        }
        if (!valid) {
            throw new IllegalArgumentException("A cache symbol must be non-blank without ':' or spaces, was '"
                    + symbol + "'");
        }
    }

    // --------------------------------------------------------------------------------------------------- types

    private record L1Key(String symbol, String key) {
    }

    private record LastGoodKey(CacheRegion region, String symbol, String key) {
    }

    /** An L1 value with its time to live: the region's TTL, or what Redis had left when it was read from L2. */
    private record L1Entry(Object value, long ttlNanos) {
    }

    private record L2Read(String json, long pttlMillis) {
    }

    private static final class EntryExpiry implements Expiry<L1Key, L1Entry> {
        @Override
        public long expireAfterCreate(L1Key key, L1Entry value, long currentTime) {
            return value.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(L1Key key, L1Entry value, long currentTime, long currentDuration) {
            return value.ttlNanos();
        }

        @Override
        public long expireAfterRead(L1Key key, L1Entry value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private record Links(StatefulRedisConnection<String, String> commands,
                         StatefulRedisPubSubConnection<String, String> subscription) {
        void close() {
            subscription.close();
            commands.close();
        }
    }

    /** The commands of one operation and the bound of each reply. */
    private record RedisCall(RedisAsyncCommands<String, String> commands, Duration timeout) {
        <R> R await(RedisFuture<R> future) throws Exception {
            try {
                return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new TimeoutException("no reply within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    @FunctionalInterface
    private interface RedisOperation<R> {
        R run(RedisCall call) throws Exception;
    }

    /** Redis failed or is being skipped; already counted and logged. */
    private static final class L2Unavailable extends Exception {
        static final L2Unavailable INSTANCE = new L2Unavailable();

        private L2Unavailable() {
            super("Redis cache level unavailable", null, false, false);
        }
    }
}
