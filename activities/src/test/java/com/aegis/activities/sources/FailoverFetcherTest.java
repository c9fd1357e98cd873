package com.aegis.activities.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.providers.KrxDataSimulator;
import com.aegis.marketsim.providers.YahooChartSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailoverFetcherTest {

    /** Alternate daily-price source standing in for the KIS daily price: the same generated market, read directly. */
    private static final class KisDailyPriceStandIn implements DailyPriceSource {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String sourceName() {
            return "KIS_DAILY_PRICE";
        }

        @Override
        public Fetched<List<DailyPrice>> dailyPrices(LocalDate tradeDate) {
            calls.incrementAndGet();
            Map<String, Instrument> bySymbol = new HashMap<>();
            SimulatedProviders.data().instruments().forEach(i -> bySymbol.put(i.symbol().code(), i));
            List<DailyPrice> out = new ArrayList<>();
            for (DailyBar b : SimulatedProviders.data().barsOn(tradeDate)) {
                Instrument i = bySymbol.get(b.symbol().code());
                out.add(new DailyPrice(b.symbol(), i.name(), i.market(), tradeDate, OptionalLong.of(b.open()),
                        OptionalLong.of(b.high()), OptionalLong.of(b.low()), b.close(), b.close() - b.basePrice(),
                        b.volume(), b.tradedValue(), b.close() * i.listedShares(), i.listedShares()));
            }
            return new Fetched<>(out, 1, Duration.ZERO);
        }
    }

    @Test
    void aDaysCollectionCompletesThroughFivePercentErrorsAndAThreeMinuteOutageOfThePrimary() {
        List<LocalDate> days = SimulatedProviders.data().tradingDays();
        List<LocalDate> month = days.subList(days.size() - 20, days.size());
        // Each request moves the simulated clock 10 s, so the 3-minute outage swallows 18 requests in a row: enough
        // for KRX to spend its four attempts and for Yahoo to spend its own (the JDK client silently repeats a GET
        // once when the connection drops before an answer, so a Yahoo attempt costs two requests in an outage).
        Instant start = SimulatedProviders.kst(month.get(month.size() - 1), 18);
        SimulatedProviders.SteppingClock simClock = new SimulatedProviders.SteppingClock(start, Duration.ofSeconds(10));
        Instant outageFrom = start.plus(Duration.ofMinutes(2));
        FaultRule fivePercent = new FaultRule(LatencyDistribution.NONE, 0.05, 0, 0, Duration.ZERO);
        FaultPlan plan = new FaultPlan(42, fivePercent, List.of(), List.of(
                new OutageWindow("krx", "*", outageFrom, outageFrom.plus(Duration.ofMinutes(3))),
                new OutageWindow("yahoo", "*", outageFrom, outageFrom.plus(Duration.ofMinutes(3)))));
        KisDailyPriceStandIn kis = new KisDailyPriceStandIn();
        try (KrxDataSimulator krxSim = KrxDataSimulator.start(SimulatedProviders.data(), plan, simClock, 0);
             YahooChartSimulator yahooSim = YahooChartSimulator.start(SimulatedProviders.data(), plan, simClock, 0)) {
            KrxDataClient krx = new KrxDataClient(new ProviderSettings(krxSim.baseUri(), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY), SimulatedProviders.NO_WAIT);
            YahooChartClient yahoo = new YahooChartClient(new ProviderSettings(yahooSim.baseUri(),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY),
                    SimulatedProviders.NO_WAIT);
            FailoverFetcher fetcher = new FailoverFetcher(krx, kis, yahoo, new InMemoryLastGoodGlobalValues(),
                    Clock.fixed(start, ZoneOffset.UTC));

            List<FetchRecord> records = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (LocalDate d : month) {
                FetchOutcome<List<DailyPrice>> prices = fetcher.dailyPrices(d, "collect-" + d);
                assertThat(prices.value()).as("prices of %s", d).isPresent();
                assertThat(prices.value().get()).hasSize(SimulatedProviders.data().barsOn(d).size());
                records.add(prices.record());
                warnings.addAll(prices.warnings());
                for (GlobalIndicator g : List.of(GlobalIndicator.SP500, GlobalIndicator.USD_KRW)) {
                    FetchOutcome<GlobalIndicatorValue> v = fetcher.globalIndicator(g.code(), d.minusDays(1),
                            "collect-" + d);
                    records.add(v.record());
                    warnings.addAll(v.warnings());
                    if (v.record().success()) {
                        assertThat(v.value()).isPresent();
                    }
                }
            }

            List<FetchRecord> priceRecords = records.stream()
                    .filter(r -> r.kind().equals(FailoverFetcher.KIND_DAILY_PRICE)).toList();
            assertThat(priceRecords).hasSize(20).allMatch(FetchRecord::success);
            assertThat(priceRecords).as("the outage sent some days to the alternate")
                    .anySatisfy(r -> {
                        assertThat(r.chosenSource()).isEqualTo("KIS_DAILY_PRICE");
                        assertThat(r.fallbackReason()).contains("KRX_DATA failed after 4 attempt(s)");
                        assertThat(r.attempts()).isEqualTo(5);
                    });
            assertThat(priceRecords).as("the 5%% errors were absorbed by retries")
                    .anySatisfy(r -> {
                        assertThat(r.chosenSource()).isEqualTo("KRX_DATA");
                        assertThat(r.attempts()).isGreaterThan(1);
                    });
            assertThat(priceRecords.stream().filter(r -> r.chosenSource().equals("KRX_DATA")).count())
                    .as("most days still came from KRX").isGreaterThanOrEqualTo(15);
            assertThat(kis.calls.get()).isEqualTo(priceRecords.stream().filter(FetchRecord::fellBack).count());

            List<FetchRecord> globalRecords = records.stream()
                    .filter(r -> r.kind().equals(FailoverFetcher.KIND_GLOBAL_INDICATOR)).toList();
            assertThat(globalRecords).anySatisfy(r -> {
                assertThat(r.chosenSource()).isEqualTo(FetchRecord.LAST_GOOD);
                assertThat(r.success()).isTrue();
                assertThat(r.fallbackReason()).contains("YAHOO_CHART failed");
            });
            assertThat(warnings).anyMatch(w -> w.startsWith("using the last good"));
            assertThat(warnings).anyMatch(w -> w.contains("came from KIS_DAILY_PRICE"));
            // Every record satisfies the source_fetch constraints.
            assertThat(records).allSatisfy(r -> {
                assertThat(r.attempts()).isPositive();
                assertThat(r.fellBack() == (r.fallbackReason() != null)).isTrue();
                assertThat(r.success() || r.errorMessage() != null).isTrue();
            });
        }
    }

    @Test
    void withNoLastGoodValueAFailedGlobalFetchIsRecordedAsAFailure() {
        LocalDate day = SimulatedProviders.lastDay();
        Instant now = SimulatedProviders.kst(day, 8);
        FaultPlan down = new FaultPlan(1, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("yahoo", "*", now.minusSeconds(60), now.plusSeconds(3600))));
        try (YahooChartSimulator yahooSim = YahooChartSimulator.start(SimulatedProviders.data(), down, () -> now, 0)) {
            YahooChartClient yahoo = new YahooChartClient(new ProviderSettings(yahooSim.baseUri(),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY),
                    SimulatedProviders.NO_WAIT);
            FailoverFetcher fetcher = new FailoverFetcher(new KisDailyPriceStandIn(), new KisDailyPriceStandIn(),
                    yahoo, new InMemoryLastGoodGlobalValues(), Clock.fixed(now, ZoneOffset.UTC));
            FetchOutcome<GlobalIndicatorValue> v = fetcher.globalIndicator("^VIX", day.minusDays(1), "b1");
            assertThat(v.value()).isEmpty();
            FetchRecord r = v.record();
            assertThat(r.success()).isFalse();
            assertThat(r.attempts()).isEqualTo(4);
            assertThat(r.errorMessage()).contains("^VIX").contains("no last good value");
            assertThat(r.recordCount()).isNull();
            assertThat(r.fetchedAt()).isEqualTo(now);
        }
    }

    @Test
    void theFetchRecordRefusesRowsTheSourceFetchTableWouldReject() {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FetchRecord("DAILY_PRICE", null, null,
                "KRX_DATA", "KIS_DAILY_PRICE", null, true, 1, 3, 10, null, t))
                .hasMessageContaining("fallback reason");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FetchRecord("daily", null, null,
                "KRX_DATA", "KRX_DATA", null, true, 1, 3, 10, null, t)).hasMessageContaining("UPPER_SNAKE_CASE");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FetchRecord("DAILY_PRICE", null, null,
                "KRX_DATA", "KRX_DATA", null, false, 1, 3, null, null, t)).hasMessageContaining("error message");
    }
}
