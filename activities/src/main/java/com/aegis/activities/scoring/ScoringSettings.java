package com.aegis.activities.scoring;

import com.aegis.core.factors.FactorWindows;
import com.aegis.core.scoring.CrossSectionSettings;
import com.aegis.core.scoring.FinalScoreWeights;
import com.aegis.core.scoring.RegimeSettings;
import com.aegis.core.screening.ScreenerCriteria;
import java.util.Objects;

/**
 * Parameters of the scoring stages. {@link #defaults()} are core's documented defaults.
 *
 * @param screener       A1 thresholds (average traded value &gt; 1 billion KRW over 20 sessions, market cap &gt; 50
 *                       billion KRW, no halted or administrative-issue stocks)
 * @param finalWeights   A4 blend (quant 0.4, AI 0.6)
 * @param regime         regime detector parameters (MA50/MA200, 20-session volatility ranked over 252)
 * @param factorWindows  factor look-back windows (63/252/21 sessions ...)
 * @param crossSection   winsorising, imputation and minimum sector size of the standardiser
 * @param benchmarkIndex {@code index_daily_bar.index_code} used for beta and the regime ({@code KOSPI})
 * @param watchlistTopic Kafka topic of the watchlist ({@code aegis.watchlist.v1})
 */
public record ScoringSettings(
        ScreenerCriteria screener,
        FinalScoreWeights finalWeights,
        RegimeSettings regime,
        FactorWindows factorWindows,
        CrossSectionSettings crossSection,
        String benchmarkIndex,
        String watchlistTopic) {

    /** The watchlist topic of the local stack and of production. */
    public static final String WATCHLIST_TOPIC = "aegis.watchlist.v1";
    /** The benchmark index: every common stock of KOSPI. */
    public static final String BENCHMARK_INDEX = "KOSPI";

    public ScoringSettings {
        Objects.requireNonNull(screener, "screener");
        Objects.requireNonNull(finalWeights, "finalWeights");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(factorWindows, "factorWindows");
        Objects.requireNonNull(crossSection, "crossSection");
        if (benchmarkIndex == null || benchmarkIndex.isBlank()) {
            throw new IllegalArgumentException("benchmark index code must not be blank");
        }
        if (watchlistTopic == null || watchlistTopic.isBlank()) {
            throw new IllegalArgumentException("watchlist topic must not be blank");
        }
    }

    public static ScoringSettings defaults() {
        return new ScoringSettings(ScreenerCriteria.defaults(), FinalScoreWeights.defaults(), RegimeSettings.defaults(),
                FactorWindows.defaults(), CrossSectionSettings.defaults(), BENCHMARK_INDEX, WATCHLIST_TOPIC);
    }

    public ScoringSettings withScreener(ScreenerCriteria criteria) {
        return new ScoringSettings(criteria, finalWeights, regime, factorWindows, crossSection, benchmarkIndex,
                watchlistTopic);
    }

    public ScoringSettings withFinalWeights(FinalScoreWeights weights) {
        return new ScoringSettings(screener, weights, regime, factorWindows, crossSection, benchmarkIndex,
                watchlistTopic);
    }

    public ScoringSettings withWatchlistTopic(String topic) {
        return new ScoringSettings(screener, finalWeights, regime, factorWindows, crossSection, benchmarkIndex, topic);
    }

    /** Sessions of stock history the factors need before the scoring date (the longest window plus one close). */
    int stockSessionsNeeded() {
        return Math.max(Math.max(factorWindows.twelveMonthSessions(), factorWindows.threeMonthSessions()),
                Math.max(factorWindows.betaSessions(), factorWindows.volatilitySessions())) + 1;
    }

    /** Sessions of index history the regime detector and beta need before the scoring date. */
    int indexSessionsNeeded() {
        return Math.max(stockSessionsNeeded(),
                Math.max(regime.longMovingAverage(), regime.volatilityLookback() + regime.volatilityWindow()) + 1);
    }

    /** Calendar days that surely hold {@code sessions} trading sessions (weekends, holidays and halts included). */
    static int calendarDaysFor(int sessions) {
        return sessions * 3 / 2 + 30;
    }
}
