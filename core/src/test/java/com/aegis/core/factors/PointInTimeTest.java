package com.aegis.core.factors;

import static com.aegis.core.factors.FactorFixtures.eightQuarters;
import static com.aegis.core.factors.FactorFixtures.quarter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PointInTimeTest {

    @Test
    void cutoffIsMidnightInSeoul() {
        assertThat(PointInTime.cutoff(LocalDate.of(2025, 3, 11))).isEqualTo(Instant.parse("2025-03-10T15:00:00Z"));
    }

    @Test
    void aStatementPublishedAtTheCutoffOrLaterIsNeverUsed() {
        LocalDate date = LocalDate.of(2025, 3, 11);
        Instant cutoff = PointInTime.cutoff(date);
        FinancialStatement atCutoff = withPublication(eightQuarters().get(7), cutoff);
        FinancialStatement justBefore = withPublication(eightQuarters().get(7), cutoff.minusNanos(1));
        assertThat(PointInTime.isKnownOn(atCutoff, date)).isFalse();
        assertThat(PointInTime.isKnownOn(justBefore, date)).isTrue();
        assertThat(PointInTime.knownOn(List.of(atCutoff), date)).isEmpty();
    }

    @Test
    void theLatestRestatementPublishedBeforeTheDateWins() {
        List<FinancialStatement> statements = new ArrayList<>(eightQuarters());
        statements.add(quarter(2024, 4, "2025-03-20T06:00:00Z", 140, 35, 4, 25));   // restated net income

        List<FinancialStatement> onThe15th = PointInTime.knownOn(statements, LocalDate.of(2025, 3, 15));
        assertThat(onThe15th).hasSize(8);
        assertThat(onThe15th.get(7).netIncome()).isEqualTo(14 * FactorFixtures.MILLION);

        List<FinancialStatement> onThe21st = PointInTime.knownOn(statements, LocalDate.of(2025, 3, 21));
        assertThat(onThe21st).hasSize(8);
        assertThat(onThe21st.get(7).netIncome()).isEqualTo(4 * FactorFixtures.MILLION);
        assertThat(onThe21st).extracting(FinancialStatement::period).isSorted();
    }

    @Test
    void factorsChangeOnlyOnTheDayAfterPublication() {
        FactorCalculator calculator = new FactorCalculator(new FactorWindows(3, 6, 1, 5, 3, 5, 3));
        PriceHistory flat = FactorFixtures.prices(LocalDate.of(2025, 3, 12), 100, 100, 100, 100, 100, 100, 100, 100);
        IndexHistory index = IndexHistory.of("KOSPI", new LocalDate[] {LocalDate.of(2025, 3, 12)}, new double[] {1});
        FactorInputs inputs = new FactorInputs(FactorFixtures.SYMBOL, Sector.of("IT"), flat, eightQuarters());
        // PER = 100 M / TTM net income: 42 M before 2024Q4 is known, 46 M after
        assertThat(calculator.compute(inputs, index, LocalDate.of(2025, 3, 10)).get(Factor.PER).value())
                .isEqualTo(100.0 / 42);
        assertThat(calculator.compute(inputs, index, LocalDate.of(2025, 3, 11)).get(Factor.PER).value())
                .isEqualTo(100.0 / 46);
    }

    @Property(tries = 300)
    void nothingKnownOnADateWasPublishedOnOrAfterIt(@ForAll @IntRange(min = -400, max = 400) int dayOffset,
            @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
        LocalDate date = LocalDate.of(2024, 6, 1).plusDays(dayOffset);
        List<FinancialStatement> statements = new ArrayList<>(eightQuarters());
        statements.add(withPublication(eightQuarters().get(3),
                PointInTime.cutoff(date).plus(Duration.ofSeconds(secondOfDay))));
        for (FinancialStatement known : PointInTime.knownOn(statements, date)) {
            assertThat(known.publishedAt()).isBefore(PointInTime.cutoff(date));
        }
    }

    private static FinancialStatement withPublication(FinancialStatement s, Instant publishedAt) {
        return new FinancialStatement(s.symbol(), s.period(), publishedAt, s.revenue(), s.operatingIncome(),
                s.netIncome(), s.operatingCashFlow(), s.totalEquity(), s.totalLiabilities(), s.sharesOutstanding());
    }
}
