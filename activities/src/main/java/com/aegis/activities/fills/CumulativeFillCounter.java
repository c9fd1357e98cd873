package com.aegis.activities.fills;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The filled quantity of each order number so far, per KST trade date, in Redis: hash
 * {@code aegis:fills:cum:<date>} field ODNO, incremented atomically (HINCRBY) and expiring after the configured
 * time-to-live. One bridge per account feeds it; the sum is what names an execution ({@code <order no>-c<sum>}).
 */
public final class CumulativeFillCounter {

    public static final String KEY_PREFIX = "aegis:fills:cum:";

    /** HINCRBY and the key's expiry in one atomic step. */
    private static final String ADD_SCRIPT = "local total = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) "
            + "redis.call('EXPIRE', KEYS[1], ARGV[3]) return total";

    /** The longest the session's reader thread waits for Redis. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final StatefulRedisConnection<String, String> redis;
    private final Duration ttl;

    public CumulativeFillCounter(StatefulRedisConnection<String, String> redis, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("the cumulative fill counts need a time-to-live of at least 1 s, got "
                    + ttl);
        }
    }

    public static String keyOf(LocalDate tradeDate) {
        return KEY_PREFIX + tradeDate;
    }

    /** Adds {@code quantity} shares to {@code brokerOrderNo}'s count of {@code tradeDate}; returns the new total. */
    public long add(LocalDate tradeDate, String brokerOrderNo, long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("only positive quantities are counted, got " + quantity);
        }
        RedisFuture<Long> total = redis.async().eval(ADD_SCRIPT, ScriptOutputType.INTEGER,
                new String[] {keyOf(tradeDate)}, brokerOrderNo, Long.toString(quantity),
                Long.toString(ttl.toSeconds()));
        try {
            return total.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting a fill of order " + brokerOrderNo, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Redis could not count a fill of order " + brokerOrderNo + ": "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not answer within " + COMMAND_TIMEOUT.toMillis()
                    + " ms counting a fill of order " + brokerOrderNo + " (the count may or may not have been"
                    + " added)", e);
        }
    }

    /** The count so far (0 if none). */
    public long current(LocalDate tradeDate, String brokerOrderNo) {
        String value = redis.sync().hget(keyOf(tradeDate), brokerOrderNo);
        return value == null ? 0 : Long.parseLong(value);
    }
}
