package com.aegis.activities.kis.rest;

import com.aegis.activities.testing.MutableClock;
import com.aegis.core.market.Side;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisFaultsTest {

    @TempDir
    Path cacheDir;

    private static KisFaultPolicy on(String operation, FaultDecision decision) {
        return (op, time, seq) -> op.equals(operation) ? decision : FaultDecision.CLEAN;
    }

    @Test
    void serverErrorsFromTheFaultPlanAreRetryable() {
        FaultPlan plan = FaultPlan.fromJson("{\"seed\":11,\"rules\":[{\"service\":\"kis\",\"operation\":\"inquire-price\","
                + "\"fault\":{\"errorRate\":1.0}}]}");
        try (SimulatedKis kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.of(plan))) {
            KisRestClient client = kis.client(cacheDir, 20);
            assertThatThrownBy(() -> client.inquirePrice(SimulatedKis.SAMSUNG))
                    .isInstanceOfSatisfying(KisException.class, e -> {
                        assertThat(e.kind()).isEqualTo(KisErrorKind.SERVER_ERROR);
                        assertThat(e.code()).isEqualTo("HTTP_503");
                        assertThat(e.retryable()).isTrue();
                    });
            assertThat(client.balance().deposit()).isEqualTo(10_000_000);
        }
    }

    @Test
    void aSlowAnswerTimesOutRetryableForQueriesButNotForOrders() {
        FaultDecision slow = new FaultDecision(FaultOutcome.PROCEED, Duration.ofMillis(1_500), Duration.ZERO);
        KisFaultPolicy faults = (op, time, seq) -> op.equals("inquire-price") || op.equals("order-cash") ? slow
                : FaultDecision.CLEAN;
        try (SimulatedKis kis = new SimulatedKis(KisDomain.LIVE, 20, faults)) {
            KisRestClient client = kis.client(kis.environment, SimulatedKis.credentials(), kis.cache(cacheDir), 20,
                    KisClientSettings.defaults().withRequestTimeout(Duration.ofMillis(300)));
            assertThatThrownBy(() -> client.inquirePrice(SimulatedKis.SAMSUNG))
                    .isInstanceOfSatisfying(KisException.class, e -> {
                        assertThat(e.kind()).isEqualTo(KisErrorKind.TIMEOUT);
                        assertThat(e.retryable()).isTrue();
                    });
            assertThatThrownBy(() -> client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 70_000, 1)))
                    .isInstanceOfSatisfying(KisException.class, e -> {
                        assertThat(e.kind()).isEqualTo(KisErrorKind.TIMEOUT);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("inquire-daily-ccld");
                    });
        }
    }

    @Test
    void anOutageIsAConnectionFailure() {
        try (SimulatedKis kis = new SimulatedKis(KisDomain.LIVE, 20,
                on("inquire-balance", new FaultDecision(FaultOutcome.OUTAGE, Duration.ZERO, Duration.ZERO)))) {
            KisRestClient client = kis.client(cacheDir, 20);
            assertThatThrownBy(client::balance)
                    .isInstanceOfSatisfying(KisException.class, e -> {
                        assertThat(e.kind()).isEqualTo(KisErrorKind.CONNECTION_FAILED);
                        assertThat(e.retryable()).isTrue();
                    });
        }
    }

    @Test
    void malformedAnswersOfEveryKindAreRejectedClearlyAndCounted() {
        try (SimulatedKis kis = new SimulatedKis(KisDomain.LIVE, 20,
                on("inquire-price", new FaultDecision(FaultOutcome.MALFORMED, Duration.ZERO, Duration.ZERO)))) {
            KisRestClient client = kis.client(cacheDir, 20);
            // Three calls get the simulator's three malformations: truncated, wrong types, missing fields.
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> client.inquirePrice(SimulatedKis.SAMSUNG))
                        .isInstanceOf(KisProtocolException.class)
                        .hasMessageContaining("inquire-price")
                        .hasMessageContaining("malformed");
            }
            assertThat(kis.protocolErrors.count()).isEqualTo(3);
            assertThat(client.balance().deposit()).isEqualTo(10_000_000);
        }
    }

    @Test
    void aNumberFieldHoldingTextAndAMissingOrderNumberAreProtocolErrors() throws Exception {
        try (ScriptedKisServer scripted = new ScriptedKisServer()) {
            KisProtocolErrorCounter counter = new KisProtocolErrorCounter();
            KisRestClient client = new KisRestClient(KisEnvironment.live().withBaseUri(scripted.baseUri()),
                    SimulatedKis.credentials(), KisTokenCache.inDirectory(cacheDir),
                    new KisRateLimiter(20, Duration.ofMillis(50), System::nanoTime), counter,
                    KisClientSettings.defaults(), java.time.Clock.systemUTC());
            scripted.answer("/uapi/domestic-stock/v1/quotations/inquire-price", 200,
                    "{\"rt_cd\":\"0\",\"msg_cd\":\"MCA00000\",\"msg1\":\"ok\",\"output\":{\"stck_prpr\":\"seventy\"}}");
            assertThatThrownBy(() -> client.inquirePrice(SimulatedKis.SAMSUNG))
                    .isInstanceOf(KisProtocolException.class)
                    .hasMessageContaining("stck_prpr");
            scripted.answer("/uapi/domestic-stock/v1/trading/order-cash", 200,
                    "{\"rt_cd\":\"0\",\"msg_cd\":\"APBK0013\",\"msg1\":\"ok\",\"output\":{\"ORD_TMD\":\"093000\"}}");
            assertThatThrownBy(() -> client.placeOrder(KisCashOrder.market(SimulatedKis.SAMSUNG, Side.BUY, 1)))
                    .isInstanceOf(KisProtocolException.class)
                    .hasMessageContaining("ODNO");
            assertThat(counter.count()).isEqualTo(2);
        }
    }

    @Test
    void aTokenRefusedAgainAfterRenewalFailsWithoutLooping() throws Exception {
        try (ScriptedKisServer scripted = new ScriptedKisServer()) {
            MutableClock clock = new MutableClock(SimulatedKis.MORNING);
            KisTokenCache cache = new KisTokenCache(cacheDir, clock, Duration.ofMinutes(10), Duration.ZERO);
            KisRestClient client = new KisRestClient(KisEnvironment.live().withBaseUri(scripted.baseUri()),
                    SimulatedKis.credentials(), cache, new KisRateLimiter(20, Duration.ofMillis(50), System::nanoTime),
                    new KisProtocolErrorCounter(), KisClientSettings.defaults(), clock);
            scripted.answer("/uapi/domestic-stock/v1/trading/inquire-psbl-order", 500,
                    "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00123\",\"msg1\":\"기간이 만료된 token 입니다.\"}");
            assertThatThrownBy(() -> client.buyingPower(SimulatedKis.SAMSUNG, KisOrderType.MARKET, 0))
                    .isInstanceOfSatisfying(KisException.class, e -> {
                        assertThat(e.kind()).isEqualTo(KisErrorKind.TOKEN_REJECTED);
                        assertThat(e.retryable()).isFalse();
                    });
            assertThat(scripted.hits("/uapi/domestic-stock/v1/trading/inquire-psbl-order")).isEqualTo(2);
            assertThat(scripted.hits("/oauth2/tokenP")).isEqualTo(2);
        }
    }
}
