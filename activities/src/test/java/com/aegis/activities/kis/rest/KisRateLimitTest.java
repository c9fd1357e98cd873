package com.aegis.activities.kis.rest;

import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisRateLimitTest {

    @TempDir
    Path cacheDir;

    private SimulatedKis kis;

    @AfterEach
    void stop() {
        kis.close();
    }

    @Test
    void aBurstOfHundredCallsStaysWithinTheBrokerLimitAndAllComplete() throws Exception {
        kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.none());
        KisRestClient client = kis.client(cacheDir, 20);
        client.accessToken();
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Future<Long>> prices = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            prices.add(pool.submit(() -> client.inquirePrice(SimulatedKis.SAMSUNG).price()));
        }
        for (Future<Long> price : prices) {
            assertThat(price.get()).isEqualTo(70_000L);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();

        assertThat(kis.server.admittedCalls(SimulatedKis.APP_KEY)).isEqualTo(100);
        assertThat(kis.server.rateLimitedCalls()).isZero();
        assertThat(kis.server.busiestSecond(SimulatedKis.APP_KEY)).isLessThanOrEqualTo(20);
        // 100 calls at 20 per second cannot finish in much under four seconds.
        assertThat(elapsed).isGreaterThan(Duration.ofMillis(3_900));
        System.out.printf("KIS REST burst: 100 calls in %d ms, busiest second on the server %d calls (limit 20)%n",
                elapsed.toMillis(), kis.server.busiestSecond(SimulatedKis.APP_KEY));
    }

    @Test
    void overTheLimitIsEgw00201RetryableAndRetriedWithBackoff() {
        kis = new SimulatedKis(KisDomain.PAPER, 2, KisFaultPolicy.none());
        KisRestClient careless = kis.client(kis.environment, SimulatedKis.credentials(), kis.cache(cacheDir), 1_000,
                KisClientSettings.defaults().withRateLimitRetries(0, Duration.ofMillis(100)));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 3; i++) {
                careless.inquirePrice(SimulatedKis.SAMSUNG);
            }
        }).isInstanceOfSatisfying(KisException.class, e -> {
            assertThat(e.code()).isEqualTo("EGW00201");
            assertThat(e.kind()).isEqualTo(KisErrorKind.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
        });

        KisRestClient patient = kis.client(kis.environment, SimulatedKis.credentials(), kis.cache(cacheDir), 1_000,
                KisClientSettings.defaults().withRateLimitRetries(4, Duration.ofMillis(300)));
        for (int i = 0; i < 3; i++) {
            assertThat(patient.inquirePrice(SimulatedKis.SAMSUNG).price()).isEqualTo(70_000);
        }
        assertThat(kis.server.rateLimitedCalls()).isGreaterThan(1);
    }
}
