package com.aegis.core.factors;

import static com.aegis.core.factors.FactorFixtures.SYMBOL;
import static com.aegis.core.factors.FactorFixtures.eightQuarters;
import static com.aegis.core.factors.FactorFixtures.prices;
import static com.aegis.core.factors.FactorFixtures.quarter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorCalculatorTest {

    private static final LocalDate AFTER_Q4 = LocalDate.of(2025, 3, 11);
    /** Small windows so every value can be checked by hand: 3M = 3 sessions, 12M = 6 skipping 1, 5 returns. */
    private static final FactorCalculator SMALL = new FactorCalculator(new FactorWindows(3, 6, 1, 5, 3, 5, 3));
    private static final long[] CLOSES = {100, 110, 99, 120, 130, 117, 125, 140};

    private static IndexHistory indexFollowing(PriceHistory prices, double beta, double alpha) {
        // index return = (stock return − alpha) / beta, so the stock's regression on the index has exactly that slope
        java.time.LocalDate[] dates = new java.time.LocalDate[prices.size()];
        double[] levels = new double[prices.size()];
        levels[0] = 2500;
        dates[0] = prices.dateAt(0);
        for (int i = 1; i < prices.size(); i++) {
            double r = (double) prices.closeAt(i) / prices.closeAt(i - 1) - 1;
            levels[i] = levels[i - 1] * (1 + (r - alpha) / beta);
            dates[i] = prices.dateAt(i);
        }
        return IndexHistory.of("KOSPI", dates, levels);
    }

    private static FactorSnapshot computeOn(LocalDate date, List<FinancialStatement> statements) {
        PriceHistory prices = prices(AFTER_Q4, CLOSES);
        return SMALL.compute(new FactorInputs(SYMBOL, Sector.of("IT"), prices, statements),
                indexFollowing(prices, 2.0, 0.01), date);
    }

    @Test
    void valueAndQualityFactorsFromTrailingFourQuarters() {
        FactorSnapshot s = computeOn(AFTER_Q4, eightQuarters());
        // market cap = 140 × 1,000,000 = 140 M; TTM 2024: revenue 500, op. income 100, net income 46, OCF 70 (M)
        assertThat(s.get(Factor.PBR).value()).isCloseTo(140.0 / 200, within(1e-12));
        assertThat(s.get(Factor.PER).value()).isCloseTo(140.0 / 46, within(1e-12));
        assertThat(s.get(Factor.PCR).value()).isCloseTo(2.0, within(1e-12));
        assertThat(s.get(Factor.ROE).value()).isCloseTo(0.23, within(1e-12));
        assertThat(s.get(Factor.OPERATING_MARGIN).value()).isCloseTo(0.2, within(1e-12));
        assertThat(s.get(Factor.DEBT_RATIO).value()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void growthIsTrailingFourQuartersAgainstThePriorFour() {
        FactorSnapshot s = computeOn(AFTER_Q4, eightQuarters());
        assertThat(s.get(Factor.REVENUE_GROWTH).value()).isCloseTo(500.0 / 400 - 1, within(1e-12));
        assertThat(s.get(Factor.NET_INCOME_GROWTH).value()).isCloseTo(46.0 / 40 - 1, within(1e-12));
    }

    @Test
    void priceFactorsOverTheirWindows() {
        FactorSnapshot s = computeOn(AFTER_Q4, eightQuarters());
        assertThat(s.get(Factor.MOMENTUM_3M).value()).isCloseTo(140.0 / 130 - 1, within(1e-12));
        // 12M skipping the last session: close one session back (125) over the close 6 sessions back (110)
        assertThat(s.get(Factor.MOMENTUM_12M).value()).isCloseTo(125.0 / 110 - 1, within(1e-12));
        // returns .2121, .0833, −.1, .0684, .12: sample sd 0.113522 × √252
        assertThat(s.get(Factor.VOLATILITY).value()).isCloseTo(1.8021229042838076, within(1e-9));
        assertThat(s.get(Factor.BETA).value()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void betaUsesOnlyStepsWhereTheIndexHasBothCloses() {
        PriceHistory prices = prices(AFTER_Q4, CLOSES);
        IndexHistory full = indexFollowing(prices, 0.5, 0.0);
        // drop two index days: the steps into and out of each lose their index return
        List<LocalDate> dates = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            if (i != 4 && i != 6) {
                dates.add(full.dateAt(i));
                levels.add(full.levelAt(i));
            }
        }
        IndexHistory gappy = IndexHistory.of("KOSPI", dates.toArray(LocalDate[]::new),
                levels.stream().mapToDouble(d -> d).toArray());
        FactorInputs inputs = new FactorInputs(SYMBOL, Sector.of("IT"), prices, eightQuarters());
        // last 5 steps end at positions 3..7; steps 4, 5, 6, 7 touch a dropped day, leaving 1 < 3 needed
        assertThat(SMALL.compute(inputs, gappy, AFTER_Q4).get(Factor.BETA).missingReason())
                .isEqualTo(MissingReason.INSUFFICIENT_INDEX_OVERLAP);
        assertThat(SMALL.compute(inputs, full, AFTER_Q4).get(Factor.BETA).value()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void statementPublishedOnTheScoringDateIsNotUsed() {
        // 2024Q4 appeared on 2025-03-10 15:00 KST: on 2025-03-10 the latest known quarter is 2024Q3
        FactorSnapshot s = computeOn(LocalDate.of(2025, 3, 10), eightQuarters());
        // TTM 2023Q4..2024Q3: net income 10+10+10+12 = 42 M, revenue 460 M; close on 03-10 is 125
        assertThat(s.get(Factor.PER).value()).isCloseTo(125.0 / 42, within(1e-12));
        assertThat(s.get(Factor.OPERATING_MARGIN).value()).isCloseTo((15 + 20 + 20 + 25) / 460.0, within(1e-12));
        // prior four quarters 2022Q4..2023Q3 are unknown: same quarter a year earlier, 2024Q3 over 2023Q3
        assertThat(s.get(Factor.REVENUE_GROWTH).value()).isCloseTo(130.0 / 100 - 1, within(1e-12));
        assertThat(s.get(Factor.NET_INCOME_GROWTH).value()).isCloseTo(12.0 / 10 - 1, within(1e-12));
    }

    @Test
    void lossMakerHasNoPerButKeepsANegativeRoe() {
        List<FinancialStatement> statements = new ArrayList<>(eightQuarters().subList(0, 7));
        statements.add(quarter(2024, 4, "2025-03-10T06:00:00Z", 140, -80, -60, 25));
        FactorSnapshot s = computeOn(AFTER_Q4, statements);
        // TTM net income 10 + 10 + 12 − 60 = −28 M
        assertThat(s.get(Factor.PER).missingReason()).isEqualTo(MissingReason.NON_POSITIVE_EARNINGS);
        assertThat(s.get(Factor.PER).asOptional()).isEmpty();
        assertThat(s.get(Factor.ROE).value()).isCloseTo(-28.0 / 200, within(1e-12));
        assertThat(s.get(Factor.NET_INCOME_GROWTH).value()).isCloseTo(-28.0 / 40 - 1, within(1e-12));
    }

    @Test
    void impairedEquityMakesBookRatiosMissing() {
        List<FinancialStatement> statements = new ArrayList<>(eightQuarters().subList(0, 7));
        FinancialStatement q4 = eightQuarters().get(7);
        statements.add(new FinancialStatement(SYMBOL, q4.period(), q4.publishedAt(), q4.revenue(),
                q4.operatingIncome(), q4.netIncome(), q4.operatingCashFlow(), -5, 900, 1_000_000));
        FactorSnapshot s = computeOn(AFTER_Q4, statements);
        for (Factor f : List.of(Factor.PBR, Factor.ROE, Factor.DEBT_RATIO)) {
            assertThat(s.get(f).missingReason()).as(f.name()).isEqualTo(MissingReason.NON_POSITIVE_EQUITY);
        }
        assertThat(s.get(Factor.PER).isPresent()).isTrue();
    }

    @Test
    void noHistoryMeansExplicitlyMissingNotZero() {
        PriceHistory shortHistory = prices(AFTER_Q4, 100, 101);
        FactorSnapshot s = SMALL.compute(new FactorInputs(SYMBOL, Sector.of("IT"), shortHistory, List.of()),
                indexFollowing(shortHistory, 1, 0), AFTER_Q4);
        assertThat(s.values()).hasSize(12);
        assertThat(s.get(Factor.MOMENTUM_3M).missingReason()).isEqualTo(MissingReason.INSUFFICIENT_PRICE_HISTORY);
        assertThat(s.get(Factor.VOLATILITY).missingReason()).isEqualTo(MissingReason.INSUFFICIENT_PRICE_HISTORY);
        assertThat(s.get(Factor.PBR).missingReason()).isEqualTo(MissingReason.NO_STATEMENT_PUBLISHED);
        assertThat(s.get(Factor.PBR).value()).isNaN();

        FactorSnapshot beforeListing = SMALL.compute(new FactorInputs(SYMBOL, Sector.of("IT"), shortHistory,
                eightQuarters()), indexFollowing(shortHistory, 1, 0), LocalDate.of(2024, 1, 1));
        assertThat(beforeListing.get(Factor.MOMENTUM_3M).missingReason()).isEqualTo(MissingReason.NO_PRICE);
        assertThat(beforeListing.get(Factor.PBR).missingReason()).isEqualTo(MissingReason.NO_PRICE);
    }

    @Test
    void pricesAfterTheScoringDateAreIgnored() {
        // scoring on 03-09: t is the close of 117 (position 5), three sessions back is 99;
        // the later 125 and 140 must not matter
        FactorSnapshot s = computeOn(LocalDate.of(2025, 3, 9), eightQuarters());
        assertThat(s.get(Factor.MOMENTUM_3M).value()).isCloseTo(117.0 / 99 - 1, within(1e-12));
    }

    @Test
    void defaultWindowsAreTheDocumentedSessionCounts() {
        assertThat(FactorWindows.defaults()).isEqualTo(new FactorWindows(63, 252, 21, 252, 120, 252, 60));
    }
}
