package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.factors.IndexHistory;
import java.time.LocalDate;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final RegimeDetector DETECTOR = RegimeDetector.withDefaults();

    private static IndexHistory index(int sessions, IntToDoubleFunction level) {
        LocalDate[] dates = new LocalDate[sessions];
        double[] levels = new double[sessions];
        for (int i = 0; i < sessions; i++) {
            dates[i] = START.plusDays(i);
            levels[i] = level.applyAsDouble(i);
        }
        return IndexHistory.of("KOSPI", dates, levels);
    }

    private static LocalDate last(IndexHistory index) {
        return index.dateAt(index.size() - 1);
    }

    /** +0.1% a session with ±0.1% alternating noise: about 3% annualised volatility. */
    private static double calmRise(int i) {
        return 1000 * Math.pow(1.001, i) * (1 + 0.001 * (i % 2 == 0 ? 1 : -1));
    }

    @Test
    void steadyRiseAboveBothAveragesIsBull() {
        IndexHistory kospi = index(300, RegimeDetectorTest::calmRise);
        RegimeReading reading = DETECTOR.detect(kospi, last(kospi));
        assertThat(reading.regime()).isEqualTo(MarketRegime.BULL);
        // close ≈ 10% above MA200, MA50 ≈ 8% above MA200: both beyond the 5% band
        assertThat(reading.confidence()).isEqualTo(1.0);
        assertThat(reading.indicators()).containsKeys("close", "ma50", "ma200", "realisedVolatility", "volatilityRank");
        assertThat(reading.indicators().get("realisedVolatility")).isLessThan(0.05);
        assertThat(reading.method()).isEqualTo(RegimeDetector.METHOD);
    }

    @Test
    void steadyDeclineIsBear() {
        IndexHistory kospi = index(300, i -> 1000 * Math.pow(0.999, i));
        RegimeReading reading = DETECTOR.detect(kospi, last(kospi));
        assertThat(reading.regime()).isEqualTo(MarketRegime.BEAR);
        assertThat(reading.confidence()).isEqualTo(1.0);
    }

    @Test
    void flatMarketIsSideways() {
        // 1000, 1001, 1000, ...: MA50 = MA200 = 1000.5 exactly, last close 1001
        IndexHistory kospi = index(300, i -> i % 2 == 0 ? 1000 : 1001);
        RegimeReading reading = DETECTOR.detect(kospi, last(kospi));
        assertThat(reading.regime()).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(reading.confidence()).isCloseTo(1 - (0.5 / 1000.5) / 0.05, within(1e-9));
    }

    @Test
    void volatilitySpikeOverridesTheTrend() {
        // calm rise for 280 sessions, then ±4% swings: the current 20-day volatility tops the year
        IndexHistory kospi = index(300, i -> i < 280 ? calmRise(i)
                : calmRise(279) * Math.pow(1.04 * 0.96, (i - 279) / 2) * ((i - 279) % 2 == 1 ? 1.04 : 1));
        RegimeReading reading = DETECTOR.detect(kospi, last(kospi));
        assertThat(reading.regime()).isEqualTo(MarketRegime.HIGH_VOLATILITY);
        // 251 of the last 252 readings lie strictly below the current one
        assertThat(reading.confidence()).isCloseTo(251.0 / 252, within(1e-12));
        assertThat(reading.indicators().get("realisedVolatility")).isGreaterThan(0.6);
    }

    @Test
    void volatilityThatIsHighButFallingIsJudgedOnTheTrend() {
        // ±5% swings all year with a drift down, calming to ±3% at the end: high in absolute terms, low in rank
        IndexHistory kospi = index(300, i -> {
            double level = 1000;
            for (int k = 1; k <= i; k++) {
                double swing = k < 280 ? 0.05 : 0.03;
                level *= k % 2 == 1 ? 1 + swing : 1 - swing;
            }
            return level;
        });
        RegimeReading reading = DETECTOR.detect(kospi, last(kospi));
        assertThat(reading.indicators().get("realisedVolatility")).isGreaterThan(0.2);
        assertThat(reading.indicators().get("volatilityRank")).isEqualTo(0.0);
        assertThat(reading.regime()).isEqualTo(MarketRegime.BEAR);
    }

    @Test
    void onlyClosesUpToTheDateAreUsed() {
        // a bull market that crashes after day 249: classified on day 249 it is still a bull market
        IndexHistory kospi = index(300, i -> i < 250 ? calmRise(i) : calmRise(249) * Math.pow(0.97, i - 249));
        LocalDate beforeCrash = START.plusDays(249);
        assertThat(DETECTOR.detect(kospi, beforeCrash).regime()).isEqualTo(MarketRegime.BULL);
        assertThat(DETECTOR.detect(kospi, beforeCrash).date()).isEqualTo(beforeCrash);
        assertThat(DETECTOR.detect(kospi, last(kospi)).regime()).isNotEqualTo(MarketRegime.BULL);
    }

    @Test
    void tooShortHistoryIsAnActionableError() {
        IndexHistory kospi = index(150, RegimeDetectorTest::calmRise);
        assertThatThrownBy(() -> DETECTOR.detect(kospi, last(kospi)))
                .isInstanceOf(InsufficientIndexHistoryException.class)
                .hasMessageContaining("needs 200 closes of KOSPI")
                .hasMessageContaining("found 150");
    }
}
