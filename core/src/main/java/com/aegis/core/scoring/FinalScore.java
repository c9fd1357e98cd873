package com.aegis.core.scoring;

import com.aegis.core.market.Symbol;

/**
 * One stock's final score as stored in {@code score_daily}.
 *
 * @param symbol         the stock
 * @param score          0–100
 * @param recommendation BUY / NEUTRAL / SELL
 * @param explanation    how the score came about, including the weights applied and any degradation
 */
public record FinalScore(Symbol symbol, double score, Recommendation recommendation, ScoreExplanation explanation) {

    public boolean degraded() {
        return explanation.degraded();
    }

    public String degradedReason() {
        return explanation.degradedReason();
    }
}
