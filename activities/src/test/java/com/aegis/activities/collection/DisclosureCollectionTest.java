package com.aegis.activities.collection;

import static com.aegis.db.jooq.Tables.DISCLOSURE;
import static com.aegis.db.jooq.Tables.FUNDAMENTAL_STATEMENT;
import static com.aegis.db.jooq.Tables.SOURCE_FETCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.testing.TestMarket;
import com.aegis.core.market.Symbol;
import com.aegis.db.jooq.tables.records.DisclosureRecord;
import com.aegis.db.jooq.tables.records.FundamentalStatementRecord;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.Disclosure;
import com.aegis.marketsim.generator.DisclosureType;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.QuarterlyStatement;
import com.aegis.marketsim.providers.ProviderData;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OpenDART disclosures and periodic statements through the simulated OpenDART service into the shared database. */
class DisclosureCollectionTest {

    private static final LocalDate PLAIN_DAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate RESTATEMENT_DAY = LocalDate.of(2026, 11, 19);
    private static final LocalDate OUTAGE_DAY = LocalDate.of(2026, 11, 18);
    private static final LocalDate EMPTY_DAY = LocalDate.of(2026, 11, 16);
    private static final OffsetDateTime CORRECTION_FILED = OffsetDateTime.parse("2026-11-19T10:00:00+09:00");

    private static ProviderData market;

    @BeforeAll
    static void loadMarket() {
        TestMarket.history();
        market = TestMarket.providerData();
    }

    private static String batch(String what) {
        return "collect-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Disclosure> filedOn(ProviderData data, LocalDate day) {
        return data.disclosures().stream()
                .filter(d -> d.filedAt().atZoneSameInstant(SimulatedCollection.KST).toLocalDate().equals(day))
                .toList();
    }

    private static QuarterlyStatement statement(Symbol symbol, int year, int quarter) {
        return market.statements(symbol).stream()
                .filter(q -> q.fiscalYear() == year && q.fiscalQuarter() == quarter).findFirst().orElseThrow();
    }

    private static List<FundamentalStatementRecord> rows(DSLContext dsl, Symbol symbol, int year, int quarter) {
        return dsl.selectFrom(FUNDAMENTAL_STATEMENT).where(FUNDAMENTAL_STATEMENT.SYMBOL.eq(symbol.code()))
                .and(FUNDAMENTAL_STATEMENT.FISCAL_YEAR.eq((short) year))
                .and(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER.eq((short) quarter))
                .orderBy(FUNDAMENTAL_STATEMENT.PUBLISHED_AT).fetch();
    }

    /** The figures a point-in-time reader sees for a quarter at {@code asOf}. */
    private static FundamentalStatementRecord asOf(DSLContext dsl, Symbol symbol, int year, int quarter,
                                                   Instant asOf) {
        return dsl.selectFrom(FUNDAMENTAL_STATEMENT).where(FUNDAMENTAL_STATEMENT.SYMBOL.eq(symbol.code()))
                .and(FUNDAMENTAL_STATEMENT.FISCAL_YEAR.eq((short) year))
                .and(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER.eq((short) quarter))
                .and(FUNDAMENTAL_STATEMENT.PUBLISHED_AT.le(asOf.atOffset(ZoneOffset.UTC)))
                .orderBy(FUNDAMENTAL_STATEMENT.PUBLISHED_AT.desc()).limit(1).fetchOne();
    }

    @Test
    void theDaysFilingsAreStoredOnceWithTheirStockAndTheStocksCachesAreInvalidated() {
        List<Disclosure> expected = filedOn(market, PLAIN_DAY);
        assertThat(expected).isNotEmpty();
        // A filer the stock master does not know (not listed, or not loaded yet): stored without a stock.
        Instrument unknown = new Instrument(Symbol.of("999980"), "KR7999980000", "99999980", "비상장홀딩스",
                "Unlisted Holdings", com.aegis.core.market.Market.KOSPI,
                com.aegis.marketsim.generator.SecurityType.COMMON, market.instruments().get(0).sectorCode(), 1_000_000,
                500, LocalDate.of(2020, 1, 2), null, false);
        String unknownNo = "20261120900003";
        AlteredMarket altered = new AlteredMarket(market).addInstrument(unknown).addDisclosure(new Disclosure(
                unknownNo, unknown.symbol(), unknown.corpCode(), unknown.name(), DisclosureType.LAWSUIT,
                "소송등의제기ㆍ신청", OffsetDateTime.parse("2026-11-20T15:10:00+09:00"), -0.6, 0));
        try (SimulatedCollection c = new SimulatedCollection(altered, FaultPlan.none(),
                SimulatedCollection.evening(PLAIN_DAY))) {
            String batchId = batch("dart");
            CollectionReport report = c.activities.collectDisclosures(new CollectionRequest(PLAIN_DAY, batchId));

            assertThat(report.dataset()).isEqualTo("DISCLOSURE");
            assertThat(report.source()).isEqualTo("OPEN_DART");
            assertThat(report.fetched()).isEqualTo(expected.size() + 1);
            assertThat(report.stored()).isEqualTo(expected.size() + 1);
            assertThat(report.quarantined()).isZero();
            List<String> symbols = expected.stream().map(d -> d.symbol().code()).distinct().sorted().toList();
            assertThat(report.affectedSymbols()).containsExactlyElementsOf(symbols);
            assertThat(c.cache.invalidatedSymbols()).containsExactlyInAnyOrderElementsOf(symbols);
            assertThat(c.cache.invalidations).allMatch(i -> i.reason().contains("disclosure on " + PLAIN_DAY));
            for (Disclosure d : expected) {
                DisclosureRecord r = c.dsl.selectFrom(DISCLOSURE).where(DISCLOSURE.RCEPT_NO.eq(d.rceptNo()))
                        .fetchOne();
                assertThat(r.getSymbol()).isEqualTo(d.symbol().code());
                assertThat(r.getCorpCode()).isEqualTo(d.corpCode());
                assertThat(r.getDisclosureType()).isEqualTo(d.type().name());
                assertThat(r.getTitle()).isEqualTo(d.title());
                assertThat(r.getSource()).isEqualTo("OPEN_DART");
                assertThat(r.getFiledAt().toInstant()).isEqualTo(c.now);
            }
            DisclosureRecord stranger = c.dsl.selectFrom(DISCLOSURE).where(DISCLOSURE.RCEPT_NO.eq(unknownNo))
                    .fetchOne();
            assertThat(stranger.getSymbol()).isNull();
            assertThat(stranger.getCorpCode()).isEqualTo("99999980");
            assertThat(stranger.getDisclosureType()).isEqualTo("LAWSUIT");
            assertThat(report.warnings()).anyMatch(w -> w.startsWith("1 filing(s) of " + PLAIN_DAY)
                    && w.endsWith("stored without a symbol"));
            assertThat(c.dsl.selectFrom(SOURCE_FETCH).where(SOURCE_FETCH.BATCH_ID.eq(batchId)).fetch())
                    .extracting(f -> f.getKind() + "/" + f.getChosenSource() + "/" + f.getSuccess())
                    .contains("DISCLOSURE/OPEN_DART/true");

            CollectionReport again = c.activities.collectDisclosures(new CollectionRequest(PLAIN_DAY, batch("dart")));
            assertThat(again.stored()).isEqualTo(expected.size() + 1);
            assertThat(c.dsl.fetchCount(DISCLOSURE, DISCLOSURE.RCEPT_NO.in(
                    expected.stream().map(Disclosure::rceptNo).toList()))).isEqualTo(expected.size());
        }
    }

    @Test
    void aCorrectedReportBecomesANewPointInTimeRowWithItsQuarterDerivedFromTheCumulativeFigures() {
        // A company whose 2025 and 2026 quarters are all public before the correction day.
        Instrument company = market.instruments().stream()
                .filter(i -> i.corpCode() != null && i.delistedOn() == null)
                .filter(i -> market.statements(i.symbol()).stream().filter(q -> q.fiscalYear() >= 2025
                        && q.publishedAt().isBefore(CORRECTION_FILED)).count() == 7)
                .findFirst().orElseThrow();
        Symbol symbol = company.symbol();
        QuarterlyStatement q3 = statement(symbol, 2026, 3);
        String correctionNo = "20261119900001";
        // The correction restates the third quarter: revenue 7 % higher, operating income 5,000,000 KRW lower.
        QuarterlyStatement restated = new QuarterlyStatement(symbol, 2026, 3, q3.periodEnd(), CORRECTION_FILED,
                Math.round(q3.revenue() * 1.07), q3.operatingIncome() - 5_000_000, q3.netIncome(), q3.equity(),
                q3.liabilities(), q3.operatingCashFlow(), correctionNo);
        List<QuarterlyStatement> statements = new ArrayList<>(market.statements(symbol));
        statements.replaceAll(q -> q == q3 ? restated : q);
        // And the 2025 annual report is filed again as corrected (figures unchanged).
        String annualCorrectionNo = "20261119900002";
        AlteredMarket altered = new AlteredMarket(market)
                .replaceStatements(symbol, statements)
                .addDisclosure(new Disclosure(correctionNo, symbol, company.corpCode(), company.name(),
                        DisclosureType.QUARTERLY_REPORT, "[기재정정]분기보고서 (2026.09)", CORRECTION_FILED, 0, 0))
                .addDisclosure(new Disclosure(annualCorrectionNo, symbol, company.corpCode(), company.name(),
                        DisclosureType.ANNUAL_REPORT, "[기재정정]사업보고서 (2025.12)", CORRECTION_FILED.plusMinutes(5),
                        0, 0));
        try (SimulatedCollection c = new SimulatedCollection(altered, FaultPlan.none(),
                SimulatedCollection.evening(RESTATEMENT_DAY))) {
            CollectionReport report = c.activities.collectDisclosures(new CollectionRequest(RESTATEMENT_DAY,
                    batch("restated")));
            assertThat(report.affectedSymbols()).contains(symbol.code());
            assertThat(report.stored()).isEqualTo(filedOn(altered, RESTATEMENT_DAY).size());

            List<FundamentalStatementRecord> third = rows(c.dsl, symbol, 2026, 3);
            assertThat(third).hasSize(2);
            FundamentalStatementRecord original = third.get(0);
            FundamentalStatementRecord correction = third.get(1);
            assertThat(original.getRestated()).isFalse();
            assertThat(original.getRevenue()).isEqualTo(q3.revenue());
            assertThat(correction.getRestated()).isTrue();
            assertThat(correction.getRceptNo()).isEqualTo(correctionNo);
            assertThat(correction.getPublishedAt().toInstant()).isEqualTo(c.now);
            assertThat(correction.getConsolidated()).isTrue();
            // OpenDART sends the nine months to date; minus the stored Q1 and Q2 that is the restated quarter.
            assertThat(correction.getRevenue()).isEqualTo(restated.revenue());
            assertThat(correction.getOperatingIncome()).isEqualTo(restated.operatingIncome());
            assertThat(correction.getNetIncome()).isEqualTo(restated.netIncome());
            assertThat(correction.getOperatingCashFlow()).isEqualTo(restated.operatingCashFlow());
            assertThat(correction.getEquity()).isEqualTo(restated.equity());
            assertThat(correction.getLiabilities()).isEqualTo(restated.liabilities());

            // Point in time: before the correction a reader sees the original figures, after it the restated ones.
            assertThat(asOf(c.dsl, symbol, 2026, 3, CORRECTION_FILED.toInstant().minusSeconds(3_600)).getRevenue())
                    .isEqualTo(q3.revenue());
            assertThat(asOf(c.dsl, symbol, 2026, 3, c.now.plusSeconds(60)).getRevenue())
                    .isEqualTo(restated.revenue());

            // The annual report: Q4 = the year minus the nine months stored for 2025.
            QuarterlyStatement q4 = statement(symbol, 2025, 4);
            List<FundamentalStatementRecord> fourth = rows(c.dsl, symbol, 2025, 4);
            assertThat(fourth).hasSize(2);
            assertThat(fourth.get(1)).satisfies(r -> {
                assertThat(r.getRestated()).isTrue();
                assertThat(r.getRceptNo()).isEqualTo(annualCorrectionNo);
                assertThat(r.getRevenue()).isEqualTo(q4.revenue());
                assertThat(r.getOperatingIncome()).isEqualTo(q4.operatingIncome());
                assertThat(r.getNetIncome()).isEqualTo(q4.netIncome());
                assertThat(r.getOperatingCashFlow()).isEqualTo(q4.operatingCashFlow());
            });

            // A re-run replaces the day's rows instead of adding more.
            c.activities.collectDisclosures(new CollectionRequest(RESTATEMENT_DAY, batch("restated")));
            assertThat(rows(c.dsl, symbol, 2026, 3)).hasSize(2);
            assertThat(rows(c.dsl, symbol, 2025, 4)).hasSize(2);
        }
    }

    @Test
    void whenOpenDartIsDownTheStoredFilingsStandWithAWarningAndWithoutAnyTheStageFails() {
        Instant now = SimulatedCollection.evening(OUTAGE_DAY);
        FaultPlan dartDown = new FaultPlan(9, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("dart", "*", now.minusSeconds(600), now.plusSeconds(3_600))));
        try (SimulatedCollection c = new SimulatedCollection(market, dartDown, now)) {
            int stored = filedOn(market, OUTAGE_DAY).size();
            assertThat(stored).isPositive();
            String batchId = batch("dart-down");
            CollectionReport report = c.activities.collectDisclosures(new CollectionRequest(OUTAGE_DAY, batchId));
            assertThat(report.source()).isEqualTo("LAST_GOOD");
            assertThat(report.fallbackReason()).contains("OPEN_DART failed after 4 attempt(s)");
            assertThat(report.stored()).isEqualTo(stored);
            assertThat(report.warnings()).singleElement().asString().contains("OpenDART is unavailable");
            assertThat(c.dsl.selectFrom(SOURCE_FETCH).where(SOURCE_FETCH.BATCH_ID.eq(batchId)).fetchOne())
                    .satisfies(f -> {
                        assertThat(f.getChosenSource()).isEqualTo("LAST_GOOD");
                        assertThat(f.getPrimarySource()).isEqualTo("OPEN_DART");
                    });

            assertThat(filedOn(market, EMPTY_DAY)).isEmpty();
            assertThatThrownBy(() -> c.activities.collectDisclosures(new CollectionRequest(EMPTY_DAY,
                    batch("dart-down"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no disclosures for " + EMPTY_DAY)
                    .hasMessageContaining("retry when OpenDART is back");
        }
    }
}
