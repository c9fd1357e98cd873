package com.aegis.marketsim.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.aegis.marketsim.kis.rest.ExchangeKisVenue;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisAppRegistration;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisRestSimulator;
import com.aegis.marketsim.kis.rest.KisSimulatorSettings;
import com.aegis.marketsim.kis.rest.KisVenue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fill notices of orders placed through the simulated KIS REST service name the broker's order number (ODER_NO). */
class ExchangeFeedOrderNumberTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final KisAccount OURS = new KisAccount("50012345", "01");
    private static final KisAccount CROWD = new KisAccount("59999999", "01");
    private static final KisAppRegistration APP = new KisAppRegistration("PSfeedAppKey0001", "feedSecretValue0001",
            OURS);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SimulationClock clock = SimulationClock.stepped(DAY.atTime(8, 0).atZone(ZoneId.of("Asia/Seoul"))
            .toInstant());
    private final ExchangeSimulator exchange = new ExchangeSimulator(clock, SimulatorSettings.withoutParticipants(1));
    private final ExchangeKisVenue venue = new ExchangeKisVenue(exchange, TradingCosts.standard());
    private final List<RealtimeFillNotice> notices = new CopyOnWriteArrayList<>();
    private KisRestSimulator server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noticesCarryTheOrderNumberTheOrderCallReturnedAndTheModifiedOrdersNumberAfterAModify() throws Exception {
        List<DayPlan> plans = List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 10_000, 10_000, 10_500, 9_800, 10_200, 100_000, false));
        KisAccountLink link = new KisAccountLink("ours-hts", OURS.cano() + OURS.productCode(), "AEGIS");
        ExchangeRealtimeFeed feed = new ExchangeRealtimeFeed(plans,
                id -> id.equals(ExchangeKisVenue.accountId(OURS)) ? Optional.of(link) : Optional.empty(),
                venue::kisOrderNumber);
        exchange.addListener(feed);
        feed.addListener(new RealtimeFeedListener() {
            @Override
            public void onTrades(List<RealtimeTrade> batch) {
            }

            @Override
            public void onBooks(List<RealtimeBook> batch) {
            }

            @Override
            public void onFillNotices(List<RealtimeFillNotice> batch) {
                notices.addAll(batch);
            }
        });
        exchange.openDay(DAY, plans);
        venue.listDay(DAY, plans, Map.of(SAMSUNG, "삼성전자"));
        venue.openAccount(OURS, 1_000_000);
        venue.openAccount(CROWD, 0);
        venue.setHolding(CROWD, SAMSUNG, 100, 9_000);
        exchange.runUntil(LocalTime.of(9, 1));
        server = KisRestSimulator.start(KisSimulatorSettings.defaults(KisDomain.LIVE, List.of(APP)), venue,
                venue.clock(), KisFaultPolicy.none());
        String token = post(null, null, "/oauth2/tokenP", Map.of("grant_type", "client_credentials",
                "appkey", APP.appKey(), "appsecret", APP.appSecret())).get("access_token").asText();

        JsonNode placed = post(token, "TTTC0012U", "/uapi/domestic-stock/v1/trading/order-cash", Map.of(
                "CANO", OURS.cano(), "ACNT_PRDT_CD", OURS.productCode(), "PDNO", SAMSUNG.code(), "ORD_DVSN", "00",
                "ORD_QTY", "10", "ORD_UNPR", "9900"));
        assertThat(placed.get("rt_cd").asText()).isEqualTo("0");
        String original = placed.at("/output/ODNO").asText();
        venue.placeOrder(new KisVenue.OrderRequest(CROWD, SAMSUNG, Side.SELL, KisVenue.OrderKind.LIMIT, 9_900, 4));

        JsonNode modified = post(token, "TTTC0013U", "/uapi/domestic-stock/v1/trading/order-rvsecncl", Map.of(
                "CANO", OURS.cano(), "ACNT_PRDT_CD", OURS.productCode(), "KRX_FWDG_ORD_ORGNO",
                placed.at("/output/KRX_FWDG_ORD_ORGNO").asText(), "ORGN_ODNO", original, "ORD_DVSN", "00",
                "RVSE_CNCL_DVSN_CD", "01", "ORD_QTY", "0", "ORD_UNPR", "10000", "QTY_ALL_ORD_YN", "Y"));
        assertThat(modified.get("rt_cd").asText()).isEqualTo("0");
        String renumbered = modified.at("/output/ODNO").asText();
        assertThat(renumbered).isNotEqualTo(original);
        venue.placeOrder(new KisVenue.OrderRequest(CROWD, SAMSUNG, Side.SELL, KisVenue.OrderKind.LIMIT, 10_000, 6));

        List<RealtimeFillNotice> fills = new ArrayList<>(notices.stream().filter(n -> n.fillFlag().equals("2"))
                .toList());
        assertThat(notices.get(0).fillFlag()).isEqualTo("1");
        assertThat(notices.get(0).orderNumber()).isEqualTo(original);
        assertThat(fills).extracting(RealtimeFillNotice::orderNumber, RealtimeFillNotice::filledQuantity,
                        RealtimeFillNotice::filledPrice)
                .containsExactly(tuple(original, 4L, 9_900L),
                        tuple(renumbered, 6L, 10_000L));
        assertThat(notices).filteredOn(n -> n.modifyClassCode().equals("1")).singleElement().satisfies(n -> {
            assertThat(n.fillFlag()).isEqualTo("1");
            assertThat(n.orderNumber()).isEqualTo(renumbered);
            assertThat(n.orderQuantity()).isEqualTo(6);
            assertThat(n.orderPrice()).isEqualTo(10_000);
        });
        assertThat(notices).allSatisfy(n -> assertThat(n.customerId()).isEqualTo("ours-hts"));
    }

    private JsonNode post(String token, String trId, String path, Map<String, String> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("authorization", "Bearer " + token).header("appkey", APP.appKey())
                    .header("appsecret", APP.appSecret()).header("tr_id", trId).header("custtype", "P");
        }
        return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
