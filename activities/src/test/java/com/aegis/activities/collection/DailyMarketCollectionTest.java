package com.aegis.activities.collection;

import static com.aegis.db.jooq.Tables.DAILY_BAR;
import static com.aegis.db.jooq.Tables.INDEX_DAILY_BAR;
import static com.aegis.db.jooq.Tables.SOURCE_FETCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.market.ListedStocks;
import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.quality.RejectedValue;
import com.aegis.activities.testing.TestMarket;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.db.jooq.tables.records.DailyBarRecord;
import com.aegis.db.jooq.tables.records.SourceFetchRecord;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.fault.ServiceFaultRule;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.SecurityType;
import com.aegis.marketsim.providers.ProviderData;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Daily bars, market caps and index bars through the simulated KRX service into the shared database, and the tidy
 * stage. Each test owns one session from {@link TestMarket#COLLECTION_FROM} on.
 */
class DailyMarketCollectionTest {

    private static final LocalDate CLEAN_DAY = LocalDate.of(2026, 11, 16);
    private static final LocalDate FAULTY_DAY = LocalDate.of(2026, 11, 17);
    private static final LocalDate KRX_DOWN_DAY = LocalDate.of(2026, 11, 18);
    private static final LocalDate ALL_DOWN_DAY = LocalDate.of(2026, 11, 19);
    private static final LocalDate STALE_DAY = LocalDate.of(2026, 11, 20);

    private static ProviderData market;

    @BeforeAll
    static void loadMarket() {
        TestMarket.history();
        market = TestMarket.providerData();
    }

    private static String batch(String what) {
        return "collect-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, DailyBarRecord> storedBars(DSLContext dsl, LocalDate date) {
        return dsl.selectFrom(DAILY_BAR).where(DAILY_BAR.TRADE_DATE.eq(date)).fetch().stream()
                .collect(Collectors.toMap(r -> r.getSymbol().trim(), r -> r));
    }

    private static List<SourceFetchRecord> fetchesOf(DSLContext dsl, String batchId) {
        return dsl.selectFrom(SOURCE_FETCH).where(SOURCE_FETCH.BATCH_ID.eq(batchId)).orderBy(SOURCE_FETCH.ID).fetch();
    }

    @Test
    void aCleanDayStoresTheWholeListedUniverseOnceEvenWhenCollectedTwiceAndTidyRefillsADeletedBar() {
        Instant now = SimulatedCollection.evening(CLEAN_DAY);
        try (SimulatedCollection c = new SimulatedCollection(market, FaultPlan.none(), now)) {
            Map<Symbol, Market> listed = new ListedStocks(c.dsl).on(CLEAN_DAY);
            String first = batch("clean");
            CollectionReport report = c.activities.collectDailyMarket(new CollectionRequest(CLEAN_DAY, first));

            assertThat(report.dataset()).isEqualTo("DAILY_PRICE");
            assertThat(report.source()).isEqualTo("KRX_DATA");
            assertThat(report.degraded()).isFalse();
            assertThat(report.fetched()).isEqualTo(market.barsOn(CLEAN_DAY).size());
            assertThat(report.quarantined()).isZero();
            assertThat(c.quality.rejectionsOf(first)).as("only flagged values, none left out")
                    .allMatch(v -> v.action() == QualityAction.FLAGGED);
            assertThat(report.stored()).isEqualTo(listed.size());
            Map<String, DailyBarRecord> stored = storedBars(c.dsl, CLEAN_DAY);
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(
                    listed.keySet().stream().map(Symbol::code).toList());
            for (DailyBar bar : market.barsOn(CLEAN_DAY)) {
                DailyBarRecord r = stored.get(bar.symbol().code());
                assertThat(r.getClose()).isEqualTo(bar.close());
                assertThat(r.getBasePrice()).isEqualTo(bar.basePrice());
                assertThat(r.getVolume()).isEqualTo(bar.volume());
                assertThat(r.getTradedValue()).isEqualTo(bar.tradedValue());
                assertThat(r.getMarketCap()).isPositive();
                assertThat(r.getSource()).isEqualTo("KRX_DATA");
            }
            assertThat(c.dsl.selectFrom(INDEX_DAILY_BAR).where(INDEX_DAILY_BAR.TRADE_DATE.eq(CLEAN_DAY)).fetch())
                    .extracting(r -> r.getIndexCode() + "/" + r.getSource())
                    .contains("KOSPI/KRX_DATA", "KOSDAQ/KRX_DATA");
            assertThat(fetchesOf(c.dsl, first)).extracting(SourceFetchRecord::getKind)
                    .containsExactly("DAILY_PRICE", "INDEX_BAR", "INDEX_BAR");

            CollectionReport again = c.activities.collectDailyMarket(new CollectionRequest(CLEAN_DAY, batch("clean")));
            assertThat(again.stored()).isEqualTo(report.stored());
            assertThat(c.dsl.fetchCount(DAILY_BAR, DAILY_BAR.TRADE_DATE.eq(CLEAN_DAY))).isEqualTo(listed.size());
            assertThat(c.dsl.fetchCount(INDEX_DAILY_BAR, INDEX_DAILY_BAR.TRADE_DATE.eq(CLEAN_DAY)
                    .and(INDEX_DAILY_BAR.INDEX_CODE.in("KOSPI", "KOSDAQ")))).isEqualTo(2);

            // A bar lost after collection: tidy carries the stock forward from its last good close.
            String gone = stored.keySet().stream().sorted().findFirst().orElseThrow();
            long previousClose = c.dsl.select(DAILY_BAR.CLOSE).from(DAILY_BAR).where(DAILY_BAR.SYMBOL.eq(gone))
                    .and(DAILY_BAR.TRADE_DATE.lt(CLEAN_DAY)).orderBy(DAILY_BAR.TRADE_DATE.desc()).limit(1)
                    .fetchOne(DAILY_BAR.CLOSE);
            c.dsl.deleteFrom(DAILY_BAR).where(DAILY_BAR.SYMBOL.eq(gone)).and(DAILY_BAR.TRADE_DATE.eq(CLEAN_DAY))
                    .execute();
            String tidyBatch = batch("tidy");
            CollectionReport tidy = c.activities.tidyDailyMarket(new CollectionRequest(CLEAN_DAY, tidyBatch));
            assertThat(tidy.dataset()).isEqualTo("TIDY");
            assertThat(tidy.affectedSymbols()).containsExactly(gone);
            assertThat(tidy.source()).isEqualTo("LAST_GOOD");
            assertThat(tidy.stored()).isEqualTo(listed.size());
            assertThat(tidy.warnings()).anyMatch(w -> w.startsWith("filled 1 missing bar"));
            DailyBarRecord filled = storedBars(c.dsl, CLEAN_DAY).get(gone);
            assertThat(filled.getSource()).isEqualTo("LAST_GOOD");
            assertThat(filled.getClose()).isEqualTo(previousClose);
            assertThat(filled.getBasePrice()).isEqualTo(previousClose);
            assertThat(filled.getOpen()).isNull();
            assertThat(filled.getHigh()).isNull();
            assertThat(filled.getLow()).isNull();
            assertThat(filled.getVolume()).isZero();
            assertThat(filled.getTradedValue()).isZero();
            List<RejectedValue> trail = c.quality.rejectionsOf(tidyBatch);
            assertThat(trail).singleElement().satisfies(v -> {
                assertThat(v.action()).isEqualTo(QualityAction.REPLACED);
                assertThat(v.symbol().code()).isEqualTo(gone);
                assertThat(v.source()).isEqualTo("LAST_GOOD");
                assertThat(v.reason()).contains("last good close " + previousClose);
            });
            CollectionReport tidyAgain = c.activities.tidyDailyMarket(new CollectionRequest(CLEAN_DAY, batch("tidy")));
            assertThat(tidyAgain.affectedSymbols()).isEmpty();
            assertThat(tidyAgain.degraded()).isFalse();
            assertThat(tidyAgain.stored()).isEqualTo(listed.size());

            // A day without a session: nothing is fetched, carried forward or filled.
            LocalDate sunday = CLEAN_DAY.minusDays(1);
            int requestsBefore = (int) c.krxSim.requestsReceived();
            for (CollectionReport closed : List.of(
                    c.activities.collectDailyMarket(new CollectionRequest(sunday, batch("sunday"))),
                    c.activities.tidyDailyMarket(new CollectionRequest(sunday, batch("sunday"))))) {
                assertThat(closed.stored()).isZero();
                assertThat(closed.warnings()).singleElement().asString().contains("is not a KRX trading day");
            }
            assertThat(c.krxSim.requestsReceived()).isEqualTo(requestsBefore);
            assertThat(c.dsl.fetchCount(DAILY_BAR, DAILY_BAR.TRADE_DATE.eq(sunday))).isZero();
        }
    }

    @Test
    void outliersMalformedValuesAndUnknownSymbolsAreQuarantinedWithTheirReasonAndNotStored() {
        List<DailyBar> clean = market.barsOn(FAULTY_DAY).stream().filter(DailyBar::traded).toList();
        DailyBar jump = clean.get(0);
        DailyBar wrongValue = clean.get(1);
        DailyBar scaled = clean.get(2);
        Instrument stranger = new Instrument(Symbol.of("999990"), "KR7999990009", "99999990", "미등록상사",
                "Unlisted Trading", Market.KOSDAQ, SecurityType.COMMON, market.instruments().get(0).sectorCode(),
                1_000_000, 500, LocalDate.of(2026, 1, 5), null, false);
        AlteredMarket altered = new AlteredMarket(market).addInstrument(stranger).alterBars(FAULTY_DAY, bars -> {
            bars.replaceAll(b -> {
                if (b.symbol().equals(jump.symbol())) {
                    // Ten times the close: a missing decimal shift, far beyond the ±30 % limit.
                    return new DailyBar(b.symbol(), b.tradeDate(), b.basePrice(), b.open() * 10, b.high() * 10,
                            b.low() * 10, b.close() * 10, b.volume(), b.tradedValue() * 10);
                }
                if (b.symbol().equals(wrongValue.symbol())) {
                    // Traded value a thousand times too large: the average price leaves the day's range.
                    return new DailyBar(b.symbol(), b.tradeDate(), b.basePrice(), b.open(), b.high(), b.low(),
                            b.close(), b.volume(), b.tradedValue() * 1_000);
                }
                if (b.symbol().equals(scaled.symbol())) {
                    // Volume and value a million times too large: consistent with each other, absurd for the market.
                    return new DailyBar(b.symbol(), b.tradeDate(), b.basePrice(), b.open(), b.high(), b.low(),
                            b.close(), b.volume() * 1_000_000, b.tradedValue() * 1_000_000);
                }
                return b;
            });
            bars.add(new DailyBar(stranger.symbol(), FAULTY_DAY, 5_000, 5_000, 5_100, 4_950, 5_050, 1_000,
                    5_030_000));
            return bars;
        });
        try (SimulatedCollection c = new SimulatedCollection(altered, FaultPlan.none(),
                SimulatedCollection.evening(FAULTY_DAY))) {
            Map<Symbol, Market> listed = new ListedStocks(c.dsl).on(FAULTY_DAY);
            String batchId = batch("faulty");
            CollectionReport report = c.activities.collectDailyMarket(new CollectionRequest(FAULTY_DAY, batchId));

            assertThat(report.fetched()).isEqualTo(market.barsOn(FAULTY_DAY).size() + 1);
            assertThat(report.quarantined()).isEqualTo(4);
            assertThat(report.stored()).isEqualTo(listed.size() - 3);
            Map<String, DailyBarRecord> stored = storedBars(c.dsl, FAULTY_DAY);
            assertThat(stored).doesNotContainKeys(jump.symbol().code(), wrongValue.symbol().code(),
                    scaled.symbol().code(), "999990");

            Map<String, RejectedValue> rejected = c.quality.rejectionsOf(batchId).stream()
                    .filter(v -> v.action() == QualityAction.REJECTED)
                    .collect(Collectors.toMap(v -> v.symbol().code(), v -> v));
            assertThat(rejected).hasSize(4);
            assertThat(rejected.get(jump.symbol().code())).satisfies(v -> {
                assertThat(v.rule()).isEqualTo(QualityRule.RANGE);
                assertThat(v.field()).isEqualTo("close");
                assertThat(v.value()).isEqualTo(String.valueOf(jump.close() * 10));
                assertThat(v.reason()).contains("beyond the daily limit");
                assertThat(v.source()).isEqualTo("KRX_DATA");
                assertThat(v.fetchedAt()).isEqualTo(c.now);
                assertThat(v.asOfDate()).isEqualTo(FAULTY_DAY);
            });
            assertThat(rejected.get(wrongValue.symbol().code())).satisfies(v -> {
                assertThat(v.rule()).isEqualTo(QualityRule.INCONSISTENT);
                assertThat(v.field()).isEqualTo("traded_value");
                assertThat(v.reason()).contains("outside the day's range");
            });
            assertThat(rejected.get(scaled.symbol().code())).satisfies(v -> {
                assertThat(v.rule()).isIn(QualityRule.IQR_OUTLIER, QualityRule.Z_SCORE);
                assertThat(v.field()).isEqualTo("log10_turnover");
                assertThat(v.reason()).contains("of the day's cross-section");
            });
            assertThat(rejected.get("999990")).satisfies(v -> {
                assertThat(v.rule()).isEqualTo(QualityRule.INCONSISTENT);
                assertThat(v.reason()).contains("not in the stock master");
            });
            assertThat(report.warnings()).anyMatch(w -> w.contains("3 of " + listed.size() + " listed stocks"));

            // Tidy closes the holes the quarantine left, so later stages see every listed stock.
            CollectionReport tidy = c.activities.tidyDailyMarket(new CollectionRequest(FAULTY_DAY, batch("tidy")));
            assertThat(tidy.affectedSymbols()).containsExactlyInAnyOrder(jump.symbol().code(),
                    wrongValue.symbol().code(), scaled.symbol().code());
            assertThat(c.dsl.fetchCount(DAILY_BAR, DAILY_BAR.TRADE_DATE.eq(FAULTY_DAY))).isEqualTo(listed.size());
        }
    }

    @Test
    void aKrxOutageFailsOverToKisAndTheFetchRecordSaysSo() {
        Instant now = SimulatedCollection.evening(KRX_DOWN_DAY);
        FaultPlan krxDown = new FaultPlan(3, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("krx", "*", now.minusSeconds(600), now.plusSeconds(3_600))));
        try (SimulatedCollection c = new SimulatedCollection(market, krxDown, now)) {
            Map<Symbol, Market> listed = new ListedStocks(c.dsl).on(KRX_DOWN_DAY);
            String batchId = batch("krx-down");
            CollectionReport report = c.activities.collectDailyMarket(new CollectionRequest(KRX_DOWN_DAY, batchId));

            assertThat(report.source()).isEqualTo("KIS_DAILY_PRICE");
            assertThat(report.degraded()).isTrue();
            assertThat(report.fallbackReason()).contains("KRX_DATA failed after 4 attempt(s)");
            assertThat(report.stored()).isEqualTo(listed.size());
            assertThat(report.warnings()).anyMatch(w -> w.contains("came from KIS_DAILY_PRICE"))
                    .anyMatch(w -> w.contains("KOSPI bar for " + KRX_DOWN_DAY));
            assertThat(c.kis.calls.get()).isEqualTo(1);
            assertThat(storedBars(c.dsl, KRX_DOWN_DAY).values()).allMatch(r -> r.getSource().equals("KIS_DAILY_PRICE"));
            List<SourceFetchRecord> fetches = fetchesOf(c.dsl, batchId);
            assertThat(fetches.get(0)).satisfies(f -> {
                assertThat(f.getKind()).isEqualTo("DAILY_PRICE");
                assertThat(f.getPrimarySource()).isEqualTo("KRX_DATA");
                assertThat(f.getChosenSource()).isEqualTo("KIS_DAILY_PRICE");
                assertThat(f.getSuccess()).isTrue();
                assertThat(f.getAttempts()).isEqualTo((short) 5);
                assertThat(f.getRecordCount()).isEqualTo(market.barsOn(KRX_DOWN_DAY).size());
            });
            assertThat(fetches.subList(1, fetches.size())).extracting(SourceFetchRecord::getKind,
                    SourceFetchRecord::getSuccess).containsOnly(org.assertj.core.groups.Tuple.tuple("INDEX_BAR",
                    false));
        }
    }

    @Test
    void whenEverySourceFailsTheLastGoodClosesStandInWithAWarning() {
        Instant now = SimulatedCollection.evening(ALL_DOWN_DAY);
        FaultPlan krxDown = new FaultPlan(5, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("krx", "*", now.minusSeconds(600), now.plusSeconds(3_600))));
        try (SimulatedCollection c = new SimulatedCollection(market, krxDown, now)) {
            c.kis.down.set(true);
            Map<Symbol, Market> listed = new ListedStocks(c.dsl).on(ALL_DOWN_DAY);
            c.dsl.deleteFrom(DAILY_BAR).where(DAILY_BAR.TRADE_DATE.eq(ALL_DOWN_DAY)).execute();
            String batchId = batch("all-down");
            CollectionReport report = c.activities.collectDailyMarket(new CollectionRequest(ALL_DOWN_DAY, batchId));

            assertThat(report.source()).isEqualTo("LAST_GOOD");
            assertThat(report.fallbackReason()).contains("KRX_DATA failed").contains("KIS_DAILY_PRICE failed");
            assertThat(report.warnings()).anyMatch(w -> w.startsWith("every price source failed for " + ALL_DOWN_DAY));
            assertThat(report.stored()).isEqualTo(listed.size());
            Map<String, DailyBarRecord> stored = storedBars(c.dsl, ALL_DOWN_DAY);
            LocalDate before = LocalDate.of(2026, 11, 18);
            Map<String, DailyBarRecord> previous = storedBars(c.dsl, before);
            assertThat(stored.values()).allSatisfy(r -> {
                assertThat(r.getSource()).isEqualTo("LAST_GOOD");
                assertThat(r.getVolume()).isZero();
                assertThat(r.getClose()).isEqualTo(previous.get(r.getSymbol().trim()).getClose());
            });
            assertThat(fetchesOf(c.dsl, batchId).get(0)).satisfies(f -> {
                assertThat(f.getChosenSource()).isEqualTo("LAST_GOOD");
                assertThat(f.getSuccess()).isTrue();
                assertThat(f.getFallbackReason()).contains("KRX_DATA failed");
            });
            assertThat(c.quality.rejectionsOf(batchId)).hasSize(listed.size())
                    .allMatch(v -> v.action() == QualityAction.REPLACED);

            // Sources back: a re-run replaces the stand-ins with the real bars.
            c.kis.down.set(false);
            CollectionReport recovered = c.activities.collectDailyMarket(new CollectionRequest(ALL_DOWN_DAY,
                    batch("all-down")));
            assertThat(recovered.source()).isEqualTo("KIS_DAILY_PRICE");
            assertThat(storedBars(c.dsl, ALL_DOWN_DAY).values()).hasSize(listed.size())
                    .allMatch(r -> r.getSource().equals("KIS_DAILY_PRICE"));

            // Before the history begins there is nothing to fall back on: the stage fails for the workflow to retry.
            LocalDate beforeHistory = LocalDate.of(2020, 1, 6);
            c.kis.down.set(true);
            assertThatThrownBy(() -> c.activities.collectDailyMarket(new CollectionRequest(beforeHistory,
                    batch("no-history"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no daily prices for " + beforeHistory)
                    .hasMessageContaining("no earlier bar");
        }
    }

    @Test
    void aKrxAnswerRepeatingThePreviousSessionIsNotStoredAndTheDaysBarsStand() {
        Instant now = SimulatedCollection.evening(STALE_DAY);
        // Every KRX answer is served as of a day earlier: the previous session's prices under today's date.
        FaultPlan stale = new FaultPlan(13, FaultRule.NONE, List.of(new ServiceFaultRule("krx", "*",
                new FaultRule(LatencyDistribution.NONE, 0, 0, 1.0, Duration.ofDays(1)))), List.of());
        try (SimulatedCollection c = new SimulatedCollection(market, stale, now)) {
            Map<String, Long> closesBefore = storedBars(c.dsl, STALE_DAY).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getClose()));
            String batchId = batch("stale");
            CollectionReport report = c.activities.collectDailyMarket(new CollectionRequest(STALE_DAY, batchId));

            assertThat(report.source()).isEqualTo("LAST_GOOD");
            assertThat(report.fallbackReason()).contains("KRX_DATA answered stale prices for " + STALE_DAY)
                    .contains("repeat the close, volume and traded value of 2026-11-19");
            assertThat(storedBars(c.dsl, STALE_DAY).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getClose())))
                    .isEqualTo(closesBefore);
            assertThat(c.quality.rejectionsOf(batchId)).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(QualityRule.STALE);
                assertThat(v.source()).isEqualTo("KRX_DATA");
            });
            assertThat(fetchesOf(c.dsl, batchId).get(0).getChosenSource()).isEqualTo("LAST_GOOD");
        }
    }
}
