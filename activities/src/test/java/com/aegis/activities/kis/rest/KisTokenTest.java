package com.aegis.activities.kis.rest;

import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisTokenTest {

    @TempDir
    Path cacheDir;

    @TempDir
    Path otherCacheDir;

    private final SimulatedKis kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.none());

    @AfterEach
    void stop() {
        kis.close();
    }

    @Test
    void twoClientsSharingTheCacheFileIssueOneTokenAndBothTrade() throws Exception {
        KisRestClient first = kis.client(cacheDir, 20);
        KisRestClient second = kis.client(cacheDir, 20);

        assertThat(first.inquirePrice(SimulatedKis.SAMSUNG).price()).isEqualTo(70_000);
        assertThat(second.inquirePrice(SimulatedKis.SAMSUNG).price()).isEqualTo(70_000);

        assertThat(kis.server.requestsTo("tokenP")).isEqualTo(1);
        assertThat(first.accessToken()).isEqualTo(second.accessToken());
        Path file = kis.cache(cacheDir).fileFor(SimulatedKis.APP_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(SimulatedKis.APP_KEY).doesNotContain(SimulatedKis.APP_SECRET);
    }

    @Test
    void aRestartedClientReusesThePersistedToken() {
        String token = kis.client(cacheDir, 20).accessToken().value();
        // A new cache object on the same directory stands for a restarted process.
        KisRestClient restarted = kis.client(cacheDir, 20);
        assertThat(restarted.accessToken().value()).isEqualTo(token);
        assertThat(restarted.balance().deposit()).isEqualTo(10_000_000);
        assertThat(kis.server.requestsTo("tokenP")).isEqualTo(1);
    }

    @Test
    void concurrentCallersWaitForTheOneTokenRequestInFlight() throws Exception {
        KisTokenCache cache = kis.cache(cacheDir);
        KisRestClient client = kis.client(kis.environment, SimulatedKis.credentials(), cache, 20,
                KisClientSettings.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<KisAccessToken>> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(pool.submit(() -> {
                start.await();
                return client.accessToken();
            }));
        }
        start.countDown();
        Set<KisAccessToken> distinct = new java.util.HashSet<>();
        for (Future<KisAccessToken> token : tokens) {
            distinct.add(token.get());
        }
        pool.shutdown();
        assertThat(distinct).hasSize(1);
        assertThat(kis.server.requestsTo("tokenP")).isEqualTo(1);
    }

    @Test
    void aSecondIssueWithinAMinuteIsRefusedWithEgw00133AndSucceedsAfterTheMinute() {
        KisRestClient first = kis.client(cacheDir, 20);
        KisRestClient elsewhere = kis.client(otherCacheDir, 20);
        KisAccessToken token = first.accessToken();

        assertThatThrownBy(elsewhere::accessToken)
                .isInstanceOfSatisfying(KisException.class, e -> {
                    assertThat(e.code()).isEqualTo("EGW00133");
                    assertThat(e.kind()).isEqualTo(KisErrorKind.TOKEN_ISSUE_THROTTLED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
                });
        // Retrying at once is refused locally, without bothering KIS again.
        assertThatThrownBy(elsewhere::accessToken)
                .isInstanceOfSatisfying(KisException.class, e -> assertThat(e.retryAfter()).isPositive());
        assertThat(kis.server.requestsTo("tokenP")).isEqualTo(2);

        kis.serverClock.advance(Duration.ofSeconds(61));
        kis.clientClock.advance(Duration.ofSeconds(61));
        // KIS hands out the same token again within six hours of issuing it.
        assertThat(elsewhere.accessToken().value()).isEqualTo(token.value());
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheCallRepeated() {
        KisRestClient client = kis.client(cacheDir, 20);
        String before = client.accessToken().value();
        // KIS considers the token expired while this client's clock is behind.
        kis.serverClock.advance(Duration.ofHours(25));
        kis.clientClock.advance(Duration.ofMinutes(2));

        assertThat(client.inquirePrice(SimulatedKis.SAMSUNG).price()).isEqualTo(70_000);
        assertThat(client.accessToken().value()).isNotEqualTo(before);
        assertThat(kis.server.requestsTo("tokenP")).isEqualTo(2);
    }

    @Test
    void aRevokedTokenIsRejectedWithEgw00121AndReplaced() {
        KisRestClient client = kis.client(cacheDir, 20);
        KisAccessToken token = client.accessToken();
        kis.server.tokens().revoke(SimulatedKis.APP_KEY, token.value());
        kis.serverClock.advance(Duration.ofMinutes(2));
        kis.clientClock.advance(Duration.ofMinutes(2));

        assertThat(client.balance().deposit()).isEqualTo(10_000_000);
        assertThat(client.accessToken().value()).isNotEqualTo(token.value());
    }

    @Test
    void aTokenNearItsExpiryIsRenewedBeforeKisRefusesIt() {
        KisRestClient client = kis.client(cacheDir, 20);
        String first = client.accessToken().value();
        kis.serverClock.advance(Duration.ofHours(23).plusMinutes(55));
        kis.clientClock.advance(Duration.ofHours(23).plusMinutes(55));

        assertThat(client.inquirePrice(SimulatedKis.SAMSUNG).price()).isEqualTo(70_000);

        assertThat(client.accessToken().value()).isNotEqualTo(first);
        assertThat(kis.server.requestsTo("tokenP")).isEqualTo(2);
        assertThat(kis.server.requestsTo("inquire-price")).isEqualTo(1);
    }

    @Test
    void revokeAndApprovalKey() {
        KisRestClient client = kis.client(cacheDir, 20);
        String approval = client.approvalKey();
        assertThat(kis.server.tokens().approvalKeyOwner(approval)).contains(SimulatedKis.APP_KEY);
        KisAccessToken token = client.accessToken();
        client.revokeToken();
        assertThat(kis.server.tokens().check(SimulatedKis.APP_KEY, token.value()))
                .isEqualTo(com.aegis.marketsim.kis.rest.KisTokenAuthority.TokenStatus.UNKNOWN);
    }

    @Test
    void wrongAppKeyOrSecretIsACredentialsErrorNotRetried() {
        KisRestClient wrongKey = kis.client(kis.environment,
                new KisCredentials("PSwrongAppKey", SimulatedKis.APP_SECRET, SimulatedKis.ACCOUNT_NO, "01"),
                kis.cache(cacheDir), 20, KisClientSettings.defaults());
        assertThatThrownBy(() -> wrongKey.inquirePrice(SimulatedKis.SAMSUNG))
                .isInstanceOfSatisfying(KisException.class, e -> {
                    assertThat(e.code()).isEqualTo("EGW00103");
                    assertThat(e.kind()).isEqualTo(KisErrorKind.CREDENTIALS_REJECTED);
                    assertThat(e.retryable()).isFalse();
                });
        KisRestClient wrongSecret = kis.client(kis.environment,
                new KisCredentials(SimulatedKis.APP_KEY, "wrongSecret", SimulatedKis.ACCOUNT_NO, "01"),
                kis.cache(otherCacheDir), 20, KisClientSettings.defaults());
        assertThatThrownBy(wrongSecret::approvalKey)
                .isInstanceOfSatisfying(KisException.class, e -> assertThat(e.code()).isEqualTo("EGW00105"));
    }
}
