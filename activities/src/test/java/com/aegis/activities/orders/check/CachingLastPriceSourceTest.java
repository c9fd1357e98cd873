package com.aegis.activities.orders.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Symbol;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingLastPriceSourceTest {

    private static final Symbol SAMSUNG = Symbol.of("005930");

    @Test
    void concurrentChecksMissingTheSameStockAskTheBrokerOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CachingLastPriceSource prices = new CachingLastPriceSource(symbol -> {
            calls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(70_000L);
        }, Duration.ofSeconds(5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Optional<Long>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> prices.lastPrice(SAMSUNG)));
            }
            release.countDown();
            for (Future<Optional<Long>> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS)).contains(70_000L);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
        assertThat(prices.lastPrice(SAMSUNG)).contains(70_000L);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aMissingPriceIsAskedForAgain() {
        AtomicInteger calls = new AtomicInteger();
        CachingLastPriceSource prices = new CachingLastPriceSource(symbol -> {
            calls.incrementAndGet();
            return Optional.empty();
        }, Duration.ofSeconds(5));
        assertThat(prices.lastPrice(SAMSUNG)).isEmpty();
        assertThat(prices.lastPrice(SAMSUNG)).isEmpty();
        assertThat(calls).hasValue(2);
    }
}
