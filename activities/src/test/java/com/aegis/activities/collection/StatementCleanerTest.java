package com.aegis.activities.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.sources.DartReportCode;
import com.aegis.activities.sources.FinancialStatementLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Cumulative DART figures into single quarters, on numbers checked by hand. */
class StatementCleanerTest {

    private final StatementCleaner cleaner = new StatementCleaner(0.005);

    private static OptionalLong of(long v) {
        return OptionalLong.of(v);
    }

    /**
     * The accounts of one report as OpenDART lists them: income lines with the quarter in {@code thstrm_amount} and
     * the year to date in {@code thstrm_add_amount} (the annual report has the year only), cash flow year to date.
     */
    private static List<FinancialStatementLine> report(DartReportCode code, long revenueQuarter, long revenueYtd,
                                                       long operatingYtd, long netYtd, long cashFlowYtd, long assets,
                                                       long liabilities, long equity) {
        boolean annual = code == DartReportCode.ANNUAL;
        List<FinancialStatementLine> lines = new ArrayList<>();
        lines.add(line(code, "BS", "ifrs-full_Assets", "자산총계", of(assets), OptionalLong.empty()));
        lines.add(line(code, "BS", "ifrs-full_Liabilities", "부채총계", of(liabilities), OptionalLong.empty()));
        lines.add(line(code, "BS", "ifrs-full_Equity", "자본총계", of(equity), OptionalLong.empty()));
        lines.add(line(code, "IS", "ifrs-full_Revenue", "매출액", annual ? of(revenueYtd) : of(revenueQuarter),
                annual ? OptionalLong.empty() : of(revenueYtd)));
        // No account id here: the cleaner finds the line by its Korean name.
        lines.add(line(code, "IS", "", "영업이익", annual ? of(operatingYtd) : OptionalLong.empty(),
                annual ? OptionalLong.empty() : of(operatingYtd)));
        lines.add(line(code, "IS", "ifrs-full_ProfitLoss", "당기순이익", annual ? of(netYtd) : OptionalLong.empty(),
                annual ? OptionalLong.empty() : of(netYtd)));
        lines.add(line(code, "CF", "ifrs-full_CashFlowsFromUsedInOperatingActivities", "영업활동현금흐름",
                of(cashFlowYtd), OptionalLong.empty()));
        return lines;
    }

    private static FinancialStatementLine line(DartReportCode code, String sj, String id, String name,
                                               OptionalLong current, OptionalLong cumulative) {
        return new FinancialStatementLine("00126380", "", 2025, code, "CFS", sj, id, name, current, cumulative,
                OptionalLong.empty(), "20260310000123");
    }

    @Test
    void theFourthQuarterIsTheAnnualFigureMinusTheNineMonthsAlreadyStored() {
        // Stored single quarters of 2025: revenue 1,000 / 1,200 / 1,100 (9 months 3,300), operating income
        // 100 / 150 / 120 (370), net income 80 / 90 / -30 (140), operating cash flow 60 / 200 / 40 (300).
        Map<Integer, StatementCleaner.Flows> stored = Map.of(
                1, new StatementCleaner.Flows(1_000L, 100L, 80L, 60L),
                2, new StatementCleaner.Flows(1_200L, 150L, 90L, 200L),
                3, new StatementCleaner.Flows(1_100L, 120L, -30L, 40L));
        // Annual report: revenue 4,500, operating income 400, net income 100, operating cash flow 250.
        StatementCleaner.Result r = cleaner.clean(4, report(DartReportCode.ANNUAL, 0, 4_500, 400, 100, 250,
                10_000, 6_000, 4_000), stored, "005930 2025 Q4");

        assertThat(r.figures().revenue()).isEqualTo(1_200L);          // 4,500 - 3,300
        assertThat(r.figures().operatingIncome()).isEqualTo(30L);     // 400 - 370
        assertThat(r.figures().netIncome()).isEqualTo(-40L);          // 100 - 140: a fourth-quarter loss
        assertThat(r.figures().operatingCashFlow()).isEqualTo(-50L);  // 250 - 300
        assertThat(r.figures().equity()).isEqualTo(4_000L);
        assertThat(r.figures().liabilities()).isEqualTo(6_000L);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void theHalfYearAndThirdQuarterReportsAreSplitIntoTheirQuarter() {
        Map<Integer, StatementCleaner.Flows> q1 = Map.of(1, new StatementCleaner.Flows(1_000L, 100L, 80L, 60L));
        // Half year: revenue 2,200 to date (1,200 in Q2), operating income 250, net income 170, cash flow 260.
        StatementCleaner.Result half = cleaner.clean(2, report(DartReportCode.HALF_YEAR, 1_200, 2_200, 250, 170, 260,
                9_000, 5_000, 4_000), q1, "005930 2025 Q2");
        assertThat(half.figures().flows()).isEqualTo(new StatementCleaner.Flows(1_200L, 150L, 90L, 200L));

        Map<Integer, StatementCleaner.Flows> q1q2 = Map.of(1, q1.get(1), 2, half.figures().flows());
        StatementCleaner.Result q3 = cleaner.clean(3, report(DartReportCode.Q3, 1_100, 3_300, 370, 140, 300,
                9_500, 5_600, 3_900), q1q2, "005930 2025 Q3");
        assertThat(q3.figures().flows()).isEqualTo(new StatementCleaner.Flows(1_100L, 120L, -30L, 40L));

        // The first quarter is its own year to date.
        StatementCleaner.Result first = cleaner.clean(1, report(DartReportCode.Q1, 1_000, 1_000, 100, 80, 60,
                8_000, 4_000, 4_000), Map.of(), "005930 2025 Q1");
        assertThat(first.figures().flows()).isEqualTo(q1.get(1));
    }

    @Test
    void aMissingEarlierQuarterLeavesTheFlowsEmptyWithAWarningAndKeepsTheBalance() {
        Map<Integer, StatementCleaner.Flows> onlyQ1 = Map.of(1, new StatementCleaner.Flows(1_000L, 100L, 80L, 60L));
        StatementCleaner.Result r = cleaner.clean(3, report(DartReportCode.Q3, 1_100, 3_300, 370, 140, 300, 9_500,
                5_600, 3_900), onlyQ1, "005930 2025 Q3");

        assertThat(r.figures().revenue()).isNull();
        assertThat(r.figures().operatingIncome()).isNull();
        assertThat(r.figures().netIncome()).isNull();
        assertThat(r.figures().operatingCashFlow()).isNull();
        assertThat(r.figures().equity()).isEqualTo(3_900L);
        assertThat(r.figures().liabilities()).isEqualTo(5_600L);
        assertThat(r.warnings()).singleElement().asString().contains("005930 2025 Q3").contains("[2]")
                .contains("left empty");
    }

    @Test
    void negativeLiabilitiesAreRejectedAndABrokenBalanceSheetIsFlagged() {
        StatementCleaner.Result negative = cleaner.clean(1, report(DartReportCode.Q1, 1_000, 1_000, 100, 80, 60,
                1_000, -500, 1_500), Map.of(), "000660 2025 Q1");
        assertThat(negative.figures().liabilities()).isNull();
        assertThat(negative.issues()).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(QualityRule.RANGE);
            assertThat(i.action()).isEqualTo(QualityAction.REJECTED);
            assertThat(i.field()).isEqualTo("liabilities");
        });

        StatementCleaner.Result unbalanced = cleaner.clean(1, report(DartReportCode.Q1, 1_000, 1_000, 100, 80, 60,
                10_000, 4_000, 5_000), Map.of(), "000660 2025 Q1");
        assertThat(unbalanced.figures().equity()).isEqualTo(5_000L);
        assertThat(unbalanced.issues()).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo(QualityRule.INCONSISTENT);
            assertThat(i.action()).isEqualTo(QualityAction.FLAGGED);
            assertThat(i.reason()).contains("differ from liabilities + equity 9000 by 1000");
        });
    }

    @Test
    void reportNamesGiveTheTypeThePeriodAndCorrections() {
        assertThat(DisclosureKind.typeOf("분기보고서 (2026.09)")).isEqualTo("QUARTERLY_REPORT");
        assertThat(DisclosureKind.typeOf("주요사항보고서(유상증자결정)")).isEqualTo("RIGHTS_ISSUE");
        assertThat(DisclosureKind.typeOf("임원ㆍ주요주주특정증권등소유상황보고서")).isEqualTo("OTHER");
        assertThat(DisclosureKind.periodOf("반기보고서 (2026.06)")).hasValueSatisfying(p -> {
            assertThat(p.report()).isEqualTo(DartReportCode.HALF_YEAR);
            assertThat(p.fiscalYear()).isEqualTo(2026);
            assertThat(p.fiscalQuarter()).isEqualTo(2);
            assertThat(p.periodEnd()).isEqualTo(java.time.LocalDate.of(2026, 6, 30));
            assertThat(p.correction()).isFalse();
        });
        assertThat(DisclosureKind.periodOf("[기재정정]사업보고서 (2025.12)")).hasValueSatisfying(p -> {
            assertThat(p.report()).isEqualTo(DartReportCode.ANNUAL);
            assertThat(p.fiscalQuarter()).isEqualTo(4);
            assertThat(p.correction()).isTrue();
        });
        assertThat(DisclosureKind.periodOf("단일판매ㆍ공급계약체결")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DisclosureKind.periodOf("분기보고서"))
                .hasMessageContaining("names no period");
    }
}
