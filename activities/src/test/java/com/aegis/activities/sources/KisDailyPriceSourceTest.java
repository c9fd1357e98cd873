package com.aegis.activities.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.kis.rest.KisClientSettings;
import com.aegis.activities.kis.rest.KisCredentials;
import com.aegis.activities.kis.rest.KisDailyChart;
import com.aegis.activities.kis.rest.KisEnvironment;
import com.aegis.activities.kis.rest.KisException;
import com.aegis.activities.kis.rest.KisProtocolErrorCounter;
import com.aegis.activities.kis.rest.KisRateLimiter;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.kis.rest.KisTokenCache;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.kis.rest.InMemoryKisVenue;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisAppRegistration;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisRestSimulator;
import com.aegis.marketsim.kis.rest.KisSimulatorSettings;
import com.aegis.marketsim.kis.rest.KisVenue;
import com.aegis.marketsim.providers.KrxDataSimulator;
import com.aegis.marketsim.providers.YahooChartSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KIS daily price as the alternate of KRX data, against the simulated KIS REST service over HTTP. */
class KisDailyPriceSourceTest {

    private static final String APP_KEY = "PSdailyAppKeyForSimulation01";
    private static final String APP_SECRET = "dailySecretValueNeverLogged01";
    private static final KisAccount ACCOUNT = new KisAccount("50011111", "01");

    @TempDir
    Path tokenDirectory;

    /** The generated market's stocks listed at the KIS venue with their whole history. */
    private static InMemoryKisVenue venueWithHistory(Clock clock) {
        InMemoryKisVenue venue = new InMemoryKisVenue(clock);
        Map<Symbol, List<DailyBar>> bars = new HashMap<>();
        for (LocalDate day : SimulatedProviders.data().tradingDays()) {
            for (DailyBar bar : SimulatedProviders.data().barsOn(day)) {
                bars.computeIfAbsent(bar.symbol(), s -> new java.util.ArrayList<>()).add(bar);
            }
        }
        for (Instrument instrument : SimulatedProviders.data().instruments()) {
            List<DailyBar> history = bars.getOrDefault(instrument.symbol(), List.of());
            if (history.isEmpty()) {
                continue;
            }
            venue.listInstrument(instrument.symbol(), instrument.name(), history.get(history.size() - 1).close());
            venue.setListedShares(instrument.symbol(), instrument.listedShares());
            for (DailyBar b : history) {
                venue.addDailyBar(instrument.symbol(), new KisVenue.DayBar(b.tradeDate(), b.open(), b.high(),
                        b.low(), b.close(), b.basePrice(), b.volume(), b.tradedValue()));
            }
        }
        return venue;
    }

    private static Map<Symbol, Market> stockMaster(LocalDate day) {
        Map<Symbol, Market> master = new LinkedHashMap<>();
        Map<Symbol, Market> markets = new HashMap<>();
        SimulatedProviders.data().instruments().forEach(i -> markets.put(i.symbol(), i.market()));
        for (DailyBar bar : SimulatedProviders.data().barsOn(day)) {
            master.put(bar.symbol(), markets.get(bar.symbol()));
        }
        return master;
    }

    private static KisRestSimulator kis(InMemoryKisVenue venue, Clock clock, KisFaultPolicy faults) {
        return KisRestSimulator.start(KisSimulatorSettings.defaults(KisDomain.LIVE,
                List.of(new KisAppRegistration(APP_KEY, APP_SECRET, ACCOUNT))), venue, clock, faults);
    }

    private KisRestClient client(KisRestSimulator server, Clock clock, int perSecond) {
        return client(server, clock, perSecond, new KisProtocolErrorCounter());
    }

    private KisRestClient client(KisRestSimulator server, Clock clock, int perSecond,
                                 KisProtocolErrorCounter protocolErrors) {
        return new KisRestClient(KisEnvironment.live().withBaseUri(server.baseUri()),
                new KisCredentials(APP_KEY, APP_SECRET, ACCOUNT.cano(), ACCOUNT.productCode()),
                new KisTokenCache(tokenDirectory, clock, Duration.ofMinutes(10), Duration.ofMinutes(1)),
                new KisRateLimiter(perSecond, Duration.ofMillis(20), System::nanoTime),
                protocolErrors, KisClientSettings.defaults(), clock);
    }

    @Test
    void whenKrxIsDownTheDaysPricesComeFromKisWithinTheLiveCallLimitAndTheFetchRecordSaysSo() {
        LocalDate day = SimulatedProviders.lastDay();
        Instant evening = SimulatedProviders.kst(day, 18);
        Clock clock = Clock.fixed(evening, ZoneOffset.UTC);
        FaultPlan krxDown = new FaultPlan(7, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("krx", "*", evening.minusSeconds(60), evening.plusSeconds(3600))));
        try (KrxDataSimulator krxSim = KrxDataSimulator.start(SimulatedProviders.data(), krxDown, () -> evening, 0);
             YahooChartSimulator yahooSim = YahooChartSimulator.start(SimulatedProviders.data(), krxDown,
                     () -> evening, 0);
             KisRestSimulator kisSim = kis(venueWithHistory(clock), clock, KisFaultPolicy.none())) {
            KrxDataClient krx = new KrxDataClient(new ProviderSettings(krxSim.baseUri(), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY), SimulatedProviders.NO_WAIT);
            YahooChartClient yahoo = new YahooChartClient(new ProviderSettings(yahooSim.baseUri(),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY),
                    SimulatedProviders.NO_WAIT);
            KisDailyPriceSource kisPrices = new KisDailyPriceSource(client(kisSim, clock, 18),
                    KisDailyPriceSourceTest::stockMaster);
            FailoverFetcher fetcher = new FailoverFetcher(krx, kisPrices, yahoo, new InMemoryLastGoodGlobalValues(),
                    clock);

            long start = System.nanoTime();
            FetchOutcome<List<DailyPrice>> outcome = fetcher.dailyPrices(day, "collect-" + day);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            List<DailyBar> expected = SimulatedProviders.data().barsOn(day);
            FetchRecord record = outcome.record();
            assertThat(record.success()).isTrue();
            assertThat(record.primarySource()).isEqualTo(KrxDataClient.SOURCE);
            assertThat(record.chosenSource()).isEqualTo(KisDailyPriceSource.SOURCE);
            assertThat(record.fallbackReason()).contains("KRX_DATA failed after 4 attempt(s)");
            assertThat(record.recordCount()).isEqualTo(expected.size());
            assertThat(record.attempts()).isEqualTo(4 + expected.size());
            assertThat(outcome.warnings()).anyMatch(w -> w.contains("came from KIS_DAILY_PRICE"));

            Map<Symbol, Instrument> instruments = new HashMap<>();
            SimulatedProviders.data().instruments().forEach(i -> instruments.put(i.symbol(), i));
            Map<Symbol, DailyPrice> got = new HashMap<>();
            outcome.value().orElseThrow().forEach(p -> got.put(p.symbol(), p));
            assertThat(got).hasSize(expected.size());
            for (DailyBar bar : expected) {
                DailyPrice p = got.get(bar.symbol());
                Instrument i = instruments.get(bar.symbol());
                assertThat(p.tradeDate()).isEqualTo(day);
                assertThat(p.name()).isEqualTo(i.name());
                assertThat(p.market()).isEqualTo(i.market());
                assertThat(p.close()).isEqualTo(bar.close());
                assertThat(p.change()).isEqualTo(bar.close() - bar.basePrice());
                assertThat(p.volume()).isEqualTo(bar.volume());
                assertThat(p.tradedValue()).isEqualTo(bar.tradedValue());
                assertThat(p.listedShares()).isEqualTo(i.listedShares());
                assertThat(p.marketCap()).isEqualTo(bar.close() * i.listedShares());
                if (bar.traded()) {
                    assertThat(p.open()).hasValue(bar.open());
                    assertThat(p.high()).hasValue(bar.high());
                    assertThat(p.low()).hasValue(bar.low());
                } else {
                    assertThat(p.open()).isEmpty();
                }
            }
            // The client kept to the account's limit: KIS never refused a call, no second saw more than 18.
            assertThat(kisSim.rateLimitedCalls()).isZero();
            assertThat(kisSim.busiestSecond(APP_KEY)).isLessThanOrEqualTo(18);
            assertThat(kisSim.requestsTo("inquire-daily-itemchartprice")).isEqualTo(expected.size());
            System.out.printf("KIS daily prices at 18 calls/s: %d stocks in %d ms%n", expected.size(),
                    took.toMillis());
        }
    }

    @Test
    void aStockKisDoesNotKnowIsLeftOutAndAHaltedDayHasNoOpenHighLow() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        Clock clock = Clock.fixed(SimulatedProviders.kst(day, 18), ZoneOffset.UTC);
        InMemoryKisVenue venue = new InMemoryKisVenue(clock);
        Symbol halted = Symbol.of("000660");
        Symbol trading = Symbol.of("005930");
        venue.listInstrument(halted, "SK하이닉스", 200_000);
        venue.listInstrument(trading, "삼성전자", 70_000);
        venue.setListedShares(trading, 5_969_782_550L);
        venue.addDailyBar(halted, new KisVenue.DayBar(day, 200_000, 200_000, 200_000, 200_000, 200_000, 0, 0));
        venue.addDailyBar(trading, new KisVenue.DayBar(day, 69_500, 71_000, 69_000, 70_000, 69_400, 12_000_000,
                840_000_000_000L));
        Map<Symbol, Market> master = new LinkedHashMap<>();
        master.put(Symbol.of("999999"), Market.KOSPI);
        master.put(halted, Market.KOSPI);
        master.put(trading, Market.KOSPI);
        try (KisRestSimulator kisSim = kis(venue, clock, KisFaultPolicy.none())) {
            KisDailyPriceSource source = new KisDailyPriceSource(client(kisSim, clock, 18), d -> master);
            Fetched<List<DailyPrice>> fetched = source.dailyPrices(day);
            assertThat(fetched.value()).extracting(DailyPrice::symbol).containsExactly(halted, trading);
            DailyPrice h = fetched.value().get(0);
            assertThat(h.open()).isEmpty();
            assertThat(h.high()).isEmpty();
            assertThat(h.low()).isEmpty();
            assertThat(h.close()).isEqualTo(200_000);
            assertThat(h.volume()).isZero();
            DailyPrice t = fetched.value().get(1);
            assertThat(t.change()).isEqualTo(600);
            assertThat(t.marketCap()).isEqualTo(70_000L * 5_969_782_550L);
            assertThat(fetched.attempts()).isEqualTo(3);
        }
    }

    @Test
    void aKisServiceFailureFailsTheWholeFetchAfterThreeTriesAndFailoverRecordsBothReasons() {
        LocalDate day = SimulatedProviders.lastDay();
        Instant evening = SimulatedProviders.kst(day, 18);
        Clock clock = Clock.fixed(evening, ZoneOffset.UTC);
        FaultPlan krxDown = new FaultPlan(7, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("krx", "*", evening.minusSeconds(60), evening.plusSeconds(3600))));
        // The gateway answers 503 to every quotation, but still issues tokens.
        KisFaultPolicy quotations503 = (operation, t, seq) -> operation.equals("inquire-daily-itemchartprice")
                ? new FaultDecision(FaultOutcome.ERROR, Duration.ZERO, Duration.ZERO) : FaultDecision.CLEAN;
        try (KrxDataSimulator krxSim = KrxDataSimulator.start(SimulatedProviders.data(), krxDown, () -> evening, 0);
             YahooChartSimulator yahooSim = YahooChartSimulator.start(SimulatedProviders.data(), krxDown,
                     () -> evening, 0);
             KisRestSimulator kisSim = kis(venueWithHistory(clock), clock, quotations503)) {
            KrxDataClient krx = new KrxDataClient(new ProviderSettings(krxSim.baseUri(), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY), SimulatedProviders.NO_WAIT);
            YahooChartClient yahoo = new YahooChartClient(new ProviderSettings(yahooSim.baseUri(),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY),
                    SimulatedProviders.NO_WAIT);
            KisDailyPriceSource kisPrices = new KisDailyPriceSource(client(kisSim, clock, 18),
                    KisDailyPriceSourceTest::stockMaster, 1, 3, System::nanoTime);

            assertThatThrownBy(() -> kisPrices.dailyPrices(day))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("failed after 3 tries")
                    .hasMessageContaining("HTTP_503")
                    .satisfies(e -> assertThat(((SourceException) e).attempts()).isEqualTo(3));

            FailoverFetcher fetcher = new FailoverFetcher(krx, kisPrices, yahoo, new InMemoryLastGoodGlobalValues(),
                    clock);
            FetchOutcome<List<DailyPrice>> outcome = fetcher.dailyPrices(day, "collect-" + day);
            assertThat(outcome.value()).isEmpty();
            FetchRecord record = outcome.record();
            assertThat(record.success()).isFalse();
            assertThat(record.chosenSource()).isEqualTo(KisDailyPriceSource.SOURCE);
            assertThat(record.errorMessage()).contains("KRX_DATA failed").contains("KIS_DAILY_PRICE failed after 3");
            assertThat(record.attempts()).isEqualTo(4 + 3);
        }
    }

    @Test
    void theClientReadsTheDailyChartOldestFirstAndKisSendsAtMostTheNewestHundredBars() {
        LocalDate day = SimulatedProviders.lastDay();
        Clock clock = Clock.fixed(SimulatedProviders.kst(day, 18), ZoneOffset.UTC);
        try (KisRestSimulator kisSim = kis(venueWithHistory(clock), clock, KisFaultPolicy.none())) {
            KisRestClient client = client(kisSim, clock, 18);
            Symbol symbol = SimulatedProviders.data().barsOn(day).get(0).symbol();
            List<LocalDate> days = SimulatedProviders.data().tradingDays();
            KisDailyChart chart = client.dailyChart(symbol, days.get(0), day);
            assertThat(chart.bars()).hasSize(100);
            assertThat(chart.bars().get(99).date()).isEqualTo(day);
            assertThat(chart.bars().get(0).date()).isEqualTo(days.get(days.size() - 100));
            assertThat(chart.on(day)).isPresent();

            KisDailyChart week = client.dailyChart(symbol, days.get(days.size() - 5), day);
            assertThat(week.bars()).extracting(b -> b.date()).containsExactlyElementsOf(days.subList(
                    days.size() - 5, days.size()));

            assertThatThrownBy(() -> client.dailyChart(Symbol.of("999999"), day, day))
                    .isInstanceOf(KisException.class)
                    .hasMessageContaining("inquire-daily-itemchartprice");
        }
    }

    @Test
    void garbledDailyChartAnswersAreRejectedWithAClearErrorAndCounted() {
        LocalDate day = SimulatedProviders.lastDay();
        Clock clock = Clock.fixed(SimulatedProviders.kst(day, 18), ZoneOffset.UTC);
        KisFaultPolicy garbled = (operation, t, seq) -> operation.equals("inquire-daily-itemchartprice")
                ? new FaultDecision(FaultOutcome.MALFORMED, Duration.ZERO, Duration.ZERO) : FaultDecision.CLEAN;
        KisProtocolErrorCounter protocolErrors = new KisProtocolErrorCounter();
        try (KisRestSimulator kisSim = kis(venueWithHistory(clock), clock, garbled)) {
            KisDailyPriceSource source = new KisDailyPriceSource(client(kisSim, clock, 18, protocolErrors),
                    KisDailyPriceSourceTest::stockMaster, 1, 3, System::nanoTime);
            assertThatThrownBy(() -> source.dailyPrices(day))
                    .isInstanceOf(SourceProtocolException.class)
                    .hasMessageContaining("KIS daily price of")
                    .hasMessageContaining("inquire-daily-itemchartprice")
                    .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
            assertThat(protocolErrors.count()).isEqualTo(3);
        }
    }
}
