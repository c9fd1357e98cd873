package com.aegis.activities.kis.rest;

import com.aegis.core.market.Side;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisTradingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

    @TempDir
    Path cacheDir;

    private SimulatedKis kis;

    @AfterEach
    void stop() {
        kis.close();
    }

    @Test
    void aFilledBuyShowsInDailyFillsBalanceAndBuyingPower() {
        kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.none());
        KisRestClient client = kis.client(cacheDir, 20);

        KisOrderAck ack = client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 70_000, 10));

        assertThat(ack.orderNumber().value()).hasSize(10);
        List<KisDailyOrder> fills = client.dailyOrders(TODAY, TODAY);
        assertThat(fills).singleElement().satisfies(order -> {
            assertThat(order.orderNumber()).isEqualTo(ack.orderNumber());
            assertThat(order.side()).isEqualTo(Side.BUY);
            assertThat(order.filledQuantity()).isEqualTo(10);
            assertThat(order.averageFillPrice()).isEqualTo(70_000);
            assertThat(order.filledAmount()).isEqualTo(700_000);
            assertThat(order.remainingQuantity()).isZero();
        });
        KisBalance balance = client.balance();
        assertThat(balance.deposit()).isEqualTo(9_300_000);
        assertThat(balance.holdings()).singleElement().satisfies(h -> {
            assertThat(h.symbol()).isEqualTo(SimulatedKis.SAMSUNG);
            assertThat(h.quantity()).isEqualTo(10);
            assertThat(h.averagePrice()).isEqualTo(70_000);
            assertThat(h.evaluationAmount()).isEqualTo(700_000);
        });
        KisBuyingPower power = client.buyingPower(SimulatedKis.SAMSUNG, KisOrderType.LIMIT, 70_000);
        assertThat(power.orderableCash()).isEqualTo(9_300_000);
        assertThat(power.maxQuantity()).isEqualTo(132);
        assertThat(client.inquireAskingPrice(SimulatedKis.SAMSUNG).asks()).hasSize(10);
    }

    @Test
    void aRestingOrderIsModifiedThenCancelled() {
        kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.none());
        KisRestClient client = kis.client(cacheDir, 20);
        KisOrderAck resting = client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 69_000, 5));

        KisOrderAck modified = client.modifyOrder(resting.orderNumber(), resting.branchNumber(), KisOrderType.LIMIT,
                68_500, 3);
        KisOrderAck cancelled = client.cancelOrder(modified.orderNumber(), modified.branchNumber());

        List<KisDailyOrder> orders = client.dailyOrders(TODAY, TODAY);
        assertThat(orders).extracting(KisDailyOrder::orderNumber)
                .containsExactly(resting.orderNumber(), modified.orderNumber(), cancelled.orderNumber());
        assertThat(orders.get(2).cancelRow()).isTrue();
        assertThat(orders.get(2).originalOrder()).contains(modified.orderNumber());
        assertThat(orders).allSatisfy(o -> assertThat(o.filledQuantity()).isZero());
        assertThat(client.balance().deposit()).isEqualTo(10_000_000);
        assertThat(client.buyingPower(SimulatedKis.SAMSUNG, KisOrderType.LIMIT, 70_000).orderableCash())
                .isEqualTo(10_000_000);
    }

    @Test
    void businessRejectionsAreTypedAndNotRetryable() {
        kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.none());
        KisRestClient client = kis.client(cacheDir, 20);

        assertThatThrownBy(() -> client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 70_000, 1_000)))
                .isInstanceOfSatisfying(KisException.class, e -> {
                    assertThat(e.code()).isEqualTo("APBK0952");
                    assertThat(e.kind()).isEqualTo(KisErrorKind.BUSINESS_REJECTION);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("order-cash").contains("TTTC0012U");
                });
        // 70,050 is off the 100-won tick of a 70,000-won stock.
        assertThatThrownBy(() -> client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 70_050, 1)))
                .isInstanceOfSatisfying(KisException.class, e -> {
                    assertThat(e.code()).isEqualTo("APBK0506");
                    assertThat(e.retryable()).isFalse();
                });
        assertThatThrownBy(() -> client.placeOrder(KisCashOrder.market(SimulatedKis.SAMSUNG, Side.SELL, 1)))
                .isInstanceOfSatisfying(KisException.class, e -> assertThat(e.code()).isEqualTo("APBK0400"));
    }

    @Test
    void paperTradingUsesVTrIdsAndPagesThroughFifteenRowPages() {
        kis = new SimulatedKis(KisDomain.PAPER, 2, KisFaultPolicy.none());
        KisAccount account = new KisAccount(SimulatedKis.ACCOUNT_NO, "01");
        for (int i = 0; i < 20; i++) {
            kis.venue.placeOrder(new KisVenue.OrderRequest(account, SimulatedKis.SAMSUNG, Side.BUY,
                    KisVenue.OrderKind.LIMIT, 60_000 + 100L * i, 1));
        }
        KisRestClient paper = kis.client(cacheDir, 2);
        assertThat(paper.environment().trId("TTTC0012U")).isEqualTo("VTTC0012U");

        List<KisDailyOrder> orders = paper.dailyOrders(TODAY, TODAY);

        assertThat(orders).hasSize(20);
        assertThat(orders).extracting(KisDailyOrder::orderPrice).startsWith(60_000L, 60_100L).endsWith(61_900L);
        assertThat(kis.server.requestsTo("inquire-daily-ccld")).isEqualTo(2);

        KisRestClient liveIdsOnPaper = kis.client(KisEnvironment.live().withBaseUri(kis.server.baseUri()),
                SimulatedKis.credentials(), kis.cache(cacheDir), 2, KisClientSettings.defaults());
        assertThatThrownBy(liveIdsOnPaper::balance)
                .isInstanceOfSatisfying(KisException.class, e -> {
                    assertThat(e.code()).isEqualTo("OPSQ0001");
                    assertThat(e.getMessage()).contains("TTTC8434R");
                });
    }

    @Test
    void trIdMappingFollowsThePaperRule() {
        KisEnvironment paper = KisEnvironment.paper();
        assertThat(paper.trId("TTTC0011U")).isEqualTo("VTTC0011U");
        assertThat(paper.trId("CTSC9215R")).isEqualTo("VTSC9215R");
        assertThat(paper.trId("JTTT1002U")).isEqualTo("VTTT1002U");
        assertThat(paper.trId("FHKST01010100")).isEqualTo("FHKST01010100");
        assertThat(KisEnvironment.live().trId("TTTC0011U")).isEqualTo("TTTC0011U");
        assertThat(KisEnvironment.paper().baseUri().toString()).isEqualTo("https://openapivts.koreainvestment.com:29443");
        assertThat(KisEnvironment.live().baseUri().toString()).isEqualTo("https://openapi.koreainvestment.com:9443");
        kis = new SimulatedKis(KisDomain.LIVE, 20, KisFaultPolicy.none());
    }
}
