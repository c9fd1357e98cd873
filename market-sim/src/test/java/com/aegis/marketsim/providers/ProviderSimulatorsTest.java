package com.aegis.marketsim.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.DailyBar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ProviderSimulatorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalDate day = SmallMarket.lastDay();
    private final AtomicReference<Instant> now = new AtomicReference<>(SmallMarket.kst(day, 18));

    private HttpResponse<byte[]> postKrx(KrxDataSimulator sim, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(sim.baseUri().resolve(KrxDataSimulator.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String ohlcvForm(LocalDate d) {
        return "bld=dbms%2FMDC%2FSTAT%2Fstandard%2FMDCSTAT01501&mktId=ALL&share=1&money=1&trdDd="
                + d.toString().replace("-", "");
    }

    @Test
    void krxServesEveryTickersOhlcvWithCommaGroupedNumbersAsPykrxReadsThem() throws Exception {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), FaultPlan.none(), now::get, 0)) {
            JsonNode rows = JSON.readTree(postKrx(sim, ohlcvForm(day)).body()).get("OutBlock_1");
            List<DailyBar> bars = SmallMarket.data().barsOn(day);
            assertThat(rows.size()).isEqualTo(bars.size()).isPositive();
            JsonNode first = rows.get(0);
            assertThat(first.get("ISU_SRT_CD").asText()).isEqualTo(bars.get(0).symbol().code());
            assertThat(first.get("TDD_CLSPRC").asText()).isEqualTo(String.format(Locale.ROOT, "%,d",
                    bars.get(0).close()));
            for (JsonNode row : rows) {
                assertThat(row.get("MKTCAP").asText()).matches("\\d{1,3}(,\\d{3})*");
                assertThat(row.get("FLUC_TP_CD").asText()).isIn("1", "2", "3");
            }
        }
    }

    @Test
    void krxShowsNothingForADayBeforeItsFiguresArePublishedAt16Kst() throws Exception {
        now.set(SmallMarket.kst(day, 15));
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), FaultPlan.none(), now::get, 0)) {
            assertThat(JSON.readTree(postKrx(sim, ohlcvForm(day)).body()).get("OutBlock_1")).isEmpty();
        }
    }

    @Test
    void krxServesIndexBarsNewestFirstAndRejectsUnknownScreens() throws Exception {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), FaultPlan.none(), now::get, 0)) {
            String to = day.toString().replace("-", "");
            String from = day.minusDays(14).toString().replace("-", "");
            JsonNode rows = JSON.readTree(postKrx(sim, "bld=dbms/MDC/STAT/standard/MDCSTAT00301&indIdx=1&indIdx2=001"
                    + "&strtDd=" + from + "&endDd=" + to).body()).get("output");
            assertThat(rows.size()).isBetween(8, 11);
            assertThat(rows.get(0).get("TRD_DD").asText()).isEqualTo(day.toString().replace("-", "/"));
            assertThat(postKrx(sim, "bld=dbms/MDC/STAT/standard/NOPE&trdDd=" + to).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void staleKrxAnswersCarryThePreviousTradingDaysCloses() throws Exception {
        FaultPlan stale = new FaultPlan(1, new FaultRule(LatencyDistribution.NONE, 0, 0, 1, Duration.ofDays(1)),
                List.of(), List.of());
        List<LocalDate> days = SmallMarket.data().tradingDays();
        LocalDate previous = days.get(days.size() - 2);
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), stale, now::get, 0)) {
            JsonNode rows = JSON.readTree(postKrx(sim, ohlcvForm(day)).body()).get("OutBlock_1");
            assertThat(rows.get(0).get("TDD_CLSPRC").asText()).isEqualTo(String.format(Locale.ROOT, "%,d",
                    SmallMarket.data().barsOn(previous).get(0).close()));
        }
    }

    @Test
    void faultsShowAsDroppedConnectionsServerErrorsAndTruncatedBodies() throws Exception {
        FaultPlan outage = new FaultPlan(1, FaultRule.NONE, List.of(), List.of(new OutageWindow("krx", "*",
                now.get().minusSeconds(60), now.get().plusSeconds(120))));
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), outage, now::get, 0)) {
            assertThatThrownBy(() -> postKrx(sim, ohlcvForm(day))).isInstanceOf(IOException.class);
            now.set(now.get().plusSeconds(180));
            assertThat(postKrx(sim, ohlcvForm(day)).statusCode()).isEqualTo(200);
        }
        FaultPlan errors = new FaultPlan(1, new FaultRule(LatencyDistribution.NONE, 1, 0, 0, Duration.ZERO),
                List.of(), List.of());
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), errors, now::get, 0)) {
            assertThat(postKrx(sim, ohlcvForm(day)).statusCode()).isEqualTo(500);
        }
        FaultPlan malformed = new FaultPlan(1, new FaultRule(LatencyDistribution.NONE, 0, 1, 0, Duration.ZERO),
                List.of(), List.of());
        try (YahooChartSimulator sim = YahooChartSimulator.start(SmallMarket.data(), malformed, now::get, 0)) {
            byte[] body = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/v8/finance/chart/%5EGSPC"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThatThrownBy(() -> JSON.readTree(body)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void dartPagesDisclosuresCountsTheDailyQuotaAndZipsTheCorpCodes() throws Exception {
        OpenDartSimulator.Settings settings = OpenDartSimulator.Settings.of("k", 4);
        try (OpenDartSimulator sim = OpenDartSimulator.start(SmallMarket.data(), settings, FaultPlan.none(),
                now::get, 0)) {
            URI base = sim.baseUri();
            String range = "&bgn_de=" + day.minusMonths(3).toString().replace("-", "") + "&end_de="
                    + day.toString().replace("-", "");
            JsonNode page = get(base.resolve("/api/list.json?crtfc_key=k&page_count=5" + range));
            assertThat(page.get("status").asText()).isEqualTo("000");
            assertThat(page.get("list").size()).isLessThanOrEqualTo(5);
            assertThat(page.get("total_page").asInt()).isEqualTo((page.get("total_count").asInt() + 4) / 5);
            assertThat(get(base.resolve("/api/list.json?crtfc_key=nope")).get("status").asText()).isEqualTo("010");
            byte[] zip = http.send(HttpRequest.newBuilder(base.resolve("/api/corpCode.xml?crtfc_key=k")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                assertThat(in.getNextEntry().getName()).isEqualTo("CORPCODE.xml");
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("<corp_code>");
            }
            // Calls so far: list, corpCode (the unknown key is not counted); two more reach the quota of 4.
            assertThat(get(base.resolve("/api/company.json?crtfc_key=k&corp_code=00000000")).get("status").asText())
                    .isEqualTo("013");
            get(base.resolve("/api/company.json?crtfc_key=k&corp_code=00000000"));
            assertThat(sim.callsCounted("k", day)).isEqualTo(4);
            assertThat(get(base.resolve("/api/company.json?crtfc_key=k&corp_code=00000000")).get("status").asText())
                    .isEqualTo("020");
        }
    }

    @Test
    void aRunningServiceSwitchesToAFailureModeAndBack() throws Exception {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SmallMarket.data(), FaultPlan.none(), now::get, 0)) {
            assertThat(postKrx(sim, ohlcvForm(day)).statusCode()).isEqualTo(200);
            sim.setFaultPlan(new FaultPlan(1, new FaultRule(LatencyDistribution.NONE, 1, 0, 0, Duration.ZERO),
                    List.of(), List.of()));
            assertThat(postKrx(sim, ohlcvForm(day)).statusCode()).isEqualTo(500);
            sim.setFaultPlan(FaultPlan.none());
            assertThat(postKrx(sim, ohlcvForm(day)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void yahooAnswersTheChartShapeAndTheNotFoundErrorForUnknownSymbols() throws Exception {
        try (YahooChartSimulator sim = YahooChartSimulator.start(SmallMarket.data(), FaultPlan.none(), now::get, 0)) {
            long p2 = now.get().getEpochSecond();
            long p1 = p2 - 30 * 86_400;
            JsonNode chart = get(sim.baseUri().resolve("/v8/finance/chart/KRW%3DX?interval=1d&period1=" + p1
                    + "&period2=" + p2)).get("chart");
            assertThat(chart.get("error").isNull()).isTrue();
            JsonNode result = chart.get("result").get(0);
            int n = result.get("timestamp").size();
            assertThat(n).isBetween(15, 23);
            assertThat(result.at("/indicators/quote/0/close").size()).isEqualTo(n);
            assertThat(result.at("/indicators/adjclose/0/adjclose").size()).isEqualTo(n);
            assertThat(result.at("/meta/symbol").asText()).isEqualTo("KRW=X");
            HttpResponse<byte[]> unknown = http.send(HttpRequest.newBuilder(sim.baseUri().resolve(
                    "/v8/finance/chart/NOPE")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(unknown.statusCode()).isEqualTo(404);
            JsonNode err = JSON.readTree(unknown.body()).get("chart");
            assertThat(err.get("result").isNull()).isTrue();
            assertThat(err.at("/error/code").asText()).isEqualTo("Not Found");
        }
    }

    private JsonNode get(URI uri) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body());
    }
}
