package com.aegis.core.scoring;

import com.aegis.core.factors.FactorCategory;
import com.aegis.core.market.Symbol;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything needed to reproduce and explain one final score, from each factor's raw value to the recommendation.
 * Reading order: factors → category scores → quant score → min-max normalised quant and AI parts → blend with the
 * weights → cross-sectional z → 100·Φ(z) → recommendation.
 *
 * @param symbol             the stock
 * @param regime             the regime whose category weights were used
 * @param factors            the 12 factor contributions
 * @param categoryScores     mean z-score per category
 * @param categoryWeights    the regime's category weights
 * @param quantScore         Σ category weight × category score
 * @param quantNormalised    the quant score min-max scaled over the day's cross-section, [0, 1]
 * @param aiScore            the AI ensemble score as received; empty when not used
 * @param aiNormalised       the AI score min-max scaled over the day's cross-section, [0, 1]; NaN when not used
 * @param weights            the quant/AI weights actually applied (1/0 when degraded)
 * @param blended            quant weight × quantNormalised + AI weight × aiNormalised
 * @param blendedZ           the blended value's z-score over the day's cross-section
 * @param finalScore         100 · Φ(blendedZ)
 * @param recommendation     BUY / NEUTRAL / SELL
 * @param degraded           true when the AI part was not used
 * @param degradedReason     why (null when not degraded)
 */
public record ScoreExplanation(
        Symbol symbol,
        MarketRegime regime,
        List<FactorContribution> factors,
        Map<FactorCategory, Double> categoryScores,
        Map<FactorCategory, Double> categoryWeights,
        double quantScore,
        double quantNormalised,
        OptionalDouble aiScore,
        double aiNormalised,
        FinalScoreWeights weights,
        double blended,
        double blendedZ,
        double finalScore,
        Recommendation recommendation,
        boolean degraded,
        String degradedReason) {

    public ScoreExplanation {
        factors = List.copyOf(factors);
        categoryScores = Collections.unmodifiableMap(new EnumMap<>(categoryScores));
        categoryWeights = Collections.unmodifiableMap(new EnumMap<>(categoryWeights));
        if (degraded != (degradedReason != null)) {
            throw new IllegalArgumentException("a degraded score of " + symbol
                    + " needs a reason, and only a degraded one");
        }
    }

    /** Human-readable, multi-line account of the score, e.g. for an operator's "why this score" query. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(symbol).append(": final ").append(String.format("%.2f", finalScore)).append(" → ")
                .append(recommendation).append(" (regime ").append(regime).append(")\n");
        text.append(String.format("  blended %.4f = %.2f × quant %.4f + %.2f × AI %s; z %.4f%n", blended,
                weights.quant(), quantNormalised, weights.ai(),
                aiScore.isPresent() ? String.format("%.4f (raw %.2f)", aiNormalised, aiScore.getAsDouble()) : "n/a",
                blendedZ));
        if (degraded) {
            text.append("  DEGRADED: ").append(degradedReason).append('\n');
        }
        text.append(String.format("  quant score %.4f%n", quantScore));
        for (FactorContribution c : factors) {
            text.append(String.format("  %-18s raw %-28s z %+.4f × w %.4f = %+.4f%s%n", c.factor(), c.raw().isPresent()
                    ? String.format("%.6g", c.raw().value()) : "missing(" + c.raw().missingReason() + ")",
                    c.zScore(), c.weight(), c.contribution(), c.imputed() ? " (imputed)" : ""));
        }
        return text.toString();
    }
}
