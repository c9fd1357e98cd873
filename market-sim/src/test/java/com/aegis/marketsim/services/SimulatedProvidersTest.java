package com.aegis.marketsim.services;

import com.aegis.marketsim.providers.KrxDataSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assembled outside world: every service up on its own port, reachable, and switchable to a failure mode. */
class SimulatedProvidersTest {

    static SimulatedProviders providers;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        providers = SimulatedProviders.start(SimulatedProviders.Settings.localDefaults()
                .withMarket(11, 150, 1, 5, 50).withPorts(0, 0, 0, 0, 0));
    }

    @AfterAll
    static void stop() {
        providers.close();
    }

    private HttpResponse<String> krxOhlcv(LocalDate day) throws Exception {
        URI krx = URI.create(service(SimulatedProviders.KRX).baseUrl()).resolve(KrxDataSimulator.PATH);
        return http.send(HttpRequest.newBuilder(krx).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("bld=dbms%2FMDC%2FSTAT%2Fstandard%2FMDCSTAT01501&mktId=ALL"
                        + "&share=1&money=1&trdDd=" + day.toString().replace("-", ""))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SimulatedService service(String name) {
        return providers.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryServiceWithItsBaseUrl() {
        List<SimulatedService> services = providers.services();

        assertThat(services).extracting(SimulatedService::name).containsExactlyElementsOf(SimulatedProviders.SERVICES);
        assertThat(services).allSatisfy(s -> {
            assertThat(s.baseUrl()).matches("(http|ws)://127\\.0\\.0\\.1:\\d+.*");
            assertThat(s.faultMode()).isEqualTo(FaultMode.NORMAL);
        });
        assertThat(service(SimulatedProviders.KIS_WS).baseUrl()).startsWith("ws://").endsWith("/tryitout");
    }

    @Test
    void krxServesThePreviousSessionAndFailsWhileSwitchedToErrors() throws Exception {
        LocalDate previous = providers.history().tradingDays().get(providers.history().tradingDays().size() - 2);
        HttpResponse<String> ok = krxOhlcv(previous);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("OutBlock_1").size()).isPositive();

        providers.setFaultMode("krx", FaultMode.ERRORS, 1.0, 0);
        assertThat(krxOhlcv(previous).statusCode()).isEqualTo(500);
        assertThat(service(SimulatedProviders.KRX).faultMode()).isEqualTo(FaultMode.ERRORS);
        assertThat(service(SimulatedProviders.KRX).faultDetail()).isEqualTo("100% of requests");

        providers.setFaultMode("krx", FaultMode.NORMAL, 0, 0);
        assertThat(krxOhlcv(previous).statusCode()).isEqualTo(200);
    }

    @Test
    void theBrokerIssuesATokenToTheRegisteredApp() throws Exception {
        SimulatedProviders.Settings s = providers.settings();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                        URI.create(service(SimulatedProviders.KIS_REST).baseUrl()).resolve("/oauth2/tokenP"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                        + s.kisAppKey() + "\",\"appsecret\":\"" + s.kisAppSecret() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(token.body());
        assertThat(body.path("access_token").asText()).isNotBlank();
        assertThat(body.path("expires_in").asLong()).isBetween(80_000L, 86_400L); // 24 h, counted on the simulated clock
    }

    @Test
    void unknownServicesAndRatesAreClearErrors() {
        assertThatThrownBy(() -> providers.setFaultMode("bloomberg", FaultMode.ERRORS, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("krx");
        assertThatThrownBy(() -> providers.setFaultMode("krx", FaultMode.ERRORS, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }

    @Test
    void theExchangeTradesTheHistorysLastSession() {
        assertThat(providers.session()).isEqualTo(providers.history().tradingDays()
                .get(providers.history().tradingDays().size() - 1));
        assertThat(providers.exchange().symbols()).hasSize(5);
    }
}
