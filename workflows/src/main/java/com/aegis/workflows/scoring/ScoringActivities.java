package com.aegis.workflows.scoring;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.LocalDate;

/**
 * The scoring stages on {@code aegis-batch}. The math is {@code core}'s; these read their inputs from PostgreSQL,
 * persist every stage's output so any score can be explained, and are idempotent per date (a re-run replaces).
 */
@ActivityInterface
public interface ScoringActivities {

    /** A1: screens every listed stock on the date with the configured thresholds; persists every verdict. */
    @ActivityMethod(name = "ScreenUniverse")
    ScreeningSummary screen(LocalDate date);

    /** A2: factors, regime, cross-sectional standardisation and quant scores of the screened stocks. */
    @ActivityMethod(name = "ScoreQuant")
    QuantSummary scoreQuant(QuantRequest request);

    /** A4: blends the stored quant scores with the AI part, maps to 0–100, persists and caches the final scores. */
    @ActivityMethod(name = "ScoreFinal")
    FinalSummary scoreFinal(FinalRequest request);

    /** I2: the newest final scores for a date on or before {@code date} computed at most {@code maxAgeHours} ago. */
    @ActivityMethod(name = "LastGoodScores")
    LastGoodScores lastGoodScores(LocalDate date, int maxAgeHours);

    /** Publishes the watchlist built from the final scores of {@code request.scoresDate()}. */
    @ActivityMethod(name = "PublishWatchlist")
    WatchlistPublication publishWatchlist(WatchlistRequest request);

    /** Plans the weekly rebalance from the scores of {@code scoresDate}: the strongest BUYs, weights capped. */
    @ActivityMethod(name = "PlanRebalance")
    RebalancePlan planRebalance(LocalDate planDate, LocalDate scoresDate, int maxPositions, double maxWeight);

    /** The symbols that passed the screener on {@code date} (empty when the date was never screened). */
    @ActivityMethod(name = "ScreenedSymbols")
    java.util.List<String> screenedSymbols(LocalDate date);
}
