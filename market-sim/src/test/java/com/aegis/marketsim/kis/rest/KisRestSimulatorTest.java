package com.aegis.marketsim.kis.rest;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.fault.FaultPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KisRestSimulatorTest {

    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final KisAccount ACCOUNT = new KisAccount("50012345", "01");
    private static final KisAppRegistration APP = new KisAppRegistration("PSsimAppKey0001", "simSecretValue0001",
            ACCOUNT);
    private static final Instant OPEN = Instant.parse("2026-03-03T00:30:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MutableClock clock = new MutableClock(OPEN);
    private final InMemoryKisVenue venue = new InMemoryKisVenue(clock);
    private KisRestSimulator server;

    private KisRestSimulator start(KisDomain domain, int perSecond, KisFaultPolicy faults) {
        venue.listInstrument(SAMSUNG, "삼성전자", 70_000);
        venue.openAccount(ACCOUNT, 10_000_000);
        server = KisRestSimulator.start(KisSimulatorSettings.defaults(domain, List.of(APP))
                .withRequestsPerSecond(perSecond), venue, clock, faults);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tokenIsReusedWithinSixHoursThrottledWithinAMinuteAndRenewedAfterSixHours() throws Exception {
        start(KisDomain.LIVE, 20, KisFaultPolicy.none());
        HttpResponse<String> first = post("/oauth2/tokenP", tokenBody());
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode firstToken = json.readTree(first.body());
        assertThat(firstToken.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(firstToken.get("token_type").asText()).isEqualTo("Bearer");

        HttpResponse<String> tooSoon = post("/oauth2/tokenP", tokenBody());
        assertThat(tooSoon.statusCode()).isEqualTo(403);
        assertThat(json.readTree(tooSoon.body()).get("error_code").asText()).isEqualTo("EGW00133");

        clock.advance(Duration.ofMinutes(2));
        JsonNode again = json.readTree(post("/oauth2/tokenP", tokenBody()).body());
        assertThat(again.get("access_token").asText()).isEqualTo(firstToken.get("access_token").asText());

        clock.advance(Duration.ofHours(6));
        JsonNode renewed = json.readTree(post("/oauth2/tokenP", tokenBody()).body());
        assertThat(renewed.get("access_token").asText()).isNotEqualTo(firstToken.get("access_token").asText());
        // The older token still works until its own expiry.
        assertThat(get(firstToken.get("access_token").asText(), "FHKST01010100",
                "/uapi/domestic-stock/v1/quotations/inquire-price?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930")
                .get("rt_cd").asText()).isEqualTo("0");
        clock.advance(Duration.ofHours(19));
        JsonNode expired = get(firstToken.get("access_token").asText(), "FHKST01010100",
                "/uapi/domestic-stock/v1/quotations/inquire-price?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930");
        assertThat(expired.get("msg_cd").asText()).isEqualTo("EGW00123");
    }

    @Test
    void paperDomainAcceptsOnlyPaperTrIds() throws Exception {
        start(KisDomain.PAPER, 20, KisFaultPolicy.none());
        String token = json.readTree(post("/oauth2/tokenP", tokenBody()).body()).get("access_token").asText();
        String path = "/uapi/domestic-stock/v1/trading/inquire-balance?CANO=50012345&ACNT_PRDT_CD=01"
                + "&CTX_AREA_FK100=&CTX_AREA_NK100=";
        assertThat(get(token, "TTTC8434R", path).get("msg_cd").asText()).isEqualTo(KisMessages.UNKNOWN_TR);
        JsonNode paper = get(token, "VTTC8434R", path);
        assertThat(paper.get("rt_cd").asText()).isEqualTo("0");
        assertThat(paper.get("output2").get(0).get("dnca_tot_amt").asText()).isEqualTo("10000000");
    }

    @Test
    void callsBeyondThePerSecondLimitAreRefusedWithEgw00201() throws Exception {
        start(KisDomain.PAPER, 2, KisFaultPolicy.none());
        String token = json.readTree(post("/oauth2/tokenP", tokenBody()).body()).get("access_token").asText();
        String path = "/uapi/domestic-stock/v1/quotations/inquire-price?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930";
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(get(token, "FHKST01010100", path).get("msg_cd").asText());
        }
        assertThat(codes).containsExactly("MCA00000", "MCA00000", "EGW00201", "EGW00201");
        assertThat(server.busiestSecond(APP.appKey())).isEqualTo(2);
        assertThat(server.rateLimitedCalls()).isEqualTo(2);
    }

    @Test
    void wrongAppKeyAndSecretAreRefused() throws Exception {
        start(KisDomain.LIVE, 20, KisFaultPolicy.none());
        HttpResponse<String> wrongKey = post("/oauth2/tokenP",
                "{\"grant_type\":\"client_credentials\",\"appkey\":\"nope\",\"appsecret\":\"x\"}");
        assertThat(json.readTree(wrongKey.body()).get("error_code").asText()).isEqualTo("EGW00103");
        HttpResponse<String> wrongSecret = post("/oauth2/tokenP",
                "{\"grant_type\":\"client_credentials\",\"appkey\":\"PSsimAppKey0001\",\"appsecret\":\"x\"}");
        assertThat(json.readTree(wrongSecret.body()).get("error_code").asText()).isEqualTo("EGW00105");
        HttpResponse<String> approval = post("/oauth2/Approval",
                "{\"grant_type\":\"client_credentials\",\"appkey\":\"PSsimAppKey0001\",\"secretkey\":\"simSecretValue0001\"}");
        String key = json.readTree(approval.body()).get("approval_key").asText();
        assertThat(server.tokens().approvalKeyOwner(key)).contains(APP.appKey());
    }

    @Test
    void faultPlanErrorsAndMalformedBodiesAreServed() throws Exception {
        FaultPlan plan = FaultPlan.fromJson("{\"seed\":3,\"rules\":[{\"service\":\"kis\",\"operation\":\"inquire-price\","
                + "\"fault\":{\"malformedRate\":1.0}},{\"service\":\"kis\",\"operation\":\"inquire-psbl-order\","
                + "\"fault\":{\"errorRate\":1.0}}]}");
        start(KisDomain.LIVE, 20, KisFaultPolicy.of(plan));
        String token = json.readTree(post("/oauth2/tokenP", tokenBody()).body()).get("access_token").asText();
        HttpResponse<String> malformed = raw(token, "FHKST01010100",
                "/uapi/domestic-stock/v1/quotations/inquire-price?FID_COND_MRKT_DIV_CODE=J&FID_INPUT_ISCD=005930");
        assertThat(malformed.statusCode()).isEqualTo(200);
        boolean parses;
        try {
            JsonNode node = json.readTree(malformed.body());
            parses = node.path("output").isObject() && node.path("rt_cd").isTextual();
        } catch (java.io.IOException e) {
            parses = false;
        }
        assertThat(parses).as("a malformed body is not a usable KIS answer: %s", malformed.body()).isFalse();
        HttpResponse<String> error = raw(token, "TTTC8908R", "/uapi/domestic-stock/v1/trading/inquire-psbl-order"
                + "?CANO=50012345&ACNT_PRDT_CD=01&PDNO=005930&ORD_UNPR=70000&ORD_DVSN=00");
        assertThat(error.statusCode()).isEqualTo(503);
    }

    @Test
    void inMemoryVenueFillsMarketableOrdersAndRestsOthersUntilThePriceCrosses() {
        venue.listInstrument(SAMSUNG, "삼성전자", 70_000);
        venue.openAccount(ACCOUNT, 1_000_000);
        KisVenue.OrderResult bought = venue.placeOrder(new KisVenue.OrderRequest(ACCOUNT, SAMSUNG, Side.BUY,
                KisVenue.OrderKind.LIMIT, 70_000, 10));
        assertThat(bought).isInstanceOf(KisVenue.Accepted.class);
        KisVenue.OrderResult tooMuch = venue.placeOrder(new KisVenue.OrderRequest(ACCOUNT, SAMSUNG, Side.BUY,
                KisVenue.OrderKind.LIMIT, 69_900, 10));
        assertThat(tooMuch).isEqualTo(new KisVenue.Rejected(KisMessages.INSUFFICIENT_CASH,
                KisMessages.INSUFFICIENT_CASH_TEXT));
        KisVenue.OrderResult resting = venue.placeOrder(new KisVenue.OrderRequest(ACCOUNT, SAMSUNG, Side.SELL,
                KisVenue.OrderKind.LIMIT, 71_000, 4));
        assertThat(venue.balance(ACCOUNT).orElseThrow().holdings().get(0).orderableQuantity()).isEqualTo(6);
        venue.setLastPrice(SAMSUNG, 71_000);
        KisVenue.Balance balance = venue.balance(ACCOUNT).orElseThrow();
        assertThat(balance.deposit()).isEqualTo(1_000_000 - 700_000 + 284_000);
        assertThat(balance.holdings().get(0).quantity()).isEqualTo(6);
        String restingNo = ((KisVenue.Accepted) resting).orderNo();
        assertThat(venue.dailyOrders(ACCOUNT, clock.instant().atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalDate(),
                clock.instant().atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalDate()))
                .filteredOn(r -> r.orderNo().equals(restingNo))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.filledQuantity()).isEqualTo(4);
                    assertThat(r.averageFillPrice()).isEqualTo(71_000);
                });
    }

    private String tokenBody() {
        return "{\"grant_type\":\"client_credentials\",\"appkey\":\"PSsimAppKey0001\",\"appsecret\":\"simSecretValue0001\"}";
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String token, String trId, String pathAndQuery) throws Exception {
        return json.readTree(raw(token, trId, pathAndQuery).body());
    }

    private HttpResponse<String> raw(String token, String trId, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery))
                .header("content-type", "application/json; charset=utf-8")
                .header("authorization", "Bearer " + token)
                .header("appkey", APP.appKey())
                .header("appsecret", APP.appSecret())
                .header("tr_id", trId)
                .header("custtype", "P")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
