package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.market.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The final score of a day's cross-section (requirement A4). The mapping, exactly:
 * <ol>
 *   <li>min-max: q' = (q − min q) / (max q − min q) over the day's quant scores, likewise a' over the AI scores
 *       present; when all values are equal the normalised value is 0.5;</li>
 *   <li>blend: b = 0.4·q' + 0.6·a' (configurable {@link FinalScoreWeights}); a stock without an AI score, or every
 *       stock in quant-only mode, gets b = q' and is marked degraded with the reason (requirement I2);</li>
 *   <li>z-score: z = (b − mean b) / population sd of b over the day's stocks (0 when all are equal);</li>
 *   <li>score = 100 · Φ(z) ({@link ScoreMapping}); BUY at ≥ 75, SELL at ≤ 25 ({@link Recommendation}).</li>
 * </ol>
 * The score is relative to the day's cross-section: on a normal day about a quarter of the stocks score ≥ 75.
 */
public final class FinalScorer {

    private final FinalScoreWeights weights;

    public FinalScorer(FinalScoreWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public static FinalScorer withDefaults() {
        return new FinalScorer(FinalScoreWeights.defaults());
    }

    /**
     * Full mode: quant and AI blended. {@code aiScores} holds the AI ensemble score per symbol (any scale, usually
     * 0–100); a stock absent from it, or with a non-finite score, is scored on quant alone and marked degraded.
     */
    public List<FinalScore> score(List<QuantScore> quantScores, Map<Symbol, Double> aiScores) {
        Objects.requireNonNull(aiScores, "aiScores (pass scoreQuantOnly when the AI models are disabled)");
        return compute(quantScores, aiScores, null);
    }

    /**
     * Degraded mode (requirement I2): the AI models are disabled or failed, so every score is the quant part alone,
     * with quant weight 1, AI weight 0 and {@code reason} recorded on each score.
     */
    public List<FinalScore> scoreQuantOnly(List<QuantScore> quantScores, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a quant-only score must record why the AI part is missing");
        }
        return compute(quantScores, Map.of(), reason);
    }

    private List<FinalScore> compute(List<QuantScore> quantScores, Map<Symbol, Double> aiScores, String globalReason) {
        int n = quantScores.size();
        Set<Symbol> seen = new HashSet<>();
        double[] quant = new double[n];
        double[] ai = new double[n];
        for (int i = 0; i < n; i++) {
            QuantScore q = quantScores.get(i);
            if (!seen.add(q.symbol())) {
                throw new IllegalArgumentException("symbol " + q.symbol() + " appears twice in the cross-section");
            }
            quant[i] = q.value();
            Double a = globalReason == null ? aiScores.get(q.symbol()) : null;
            ai[i] = a == null ? Double.NaN : a;
        }
        double[] quantNormalised = minMax(quant);
        double[] aiNormalised = minMax(ai);
        double[] blended = new double[n];
        for (int i = 0; i < n; i++) {
            blended[i] = Double.isFinite(ai[i])
                    ? weights.quant() * quantNormalised[i] + weights.ai() * aiNormalised[i]
                    : quantNormalised[i];
        }
        double[] z = ZScores.of(blended);
        List<FinalScore> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            QuantScore q = quantScores.get(i);
            boolean hasAi = Double.isFinite(ai[i]);
            String reason = hasAi ? null
                    : globalReason != null ? globalReason
                    : "no usable AI score for " + q.symbol() + "; scored on the quant model alone";
            double score = ScoreMapping.toScore(z[i]);
            Recommendation recommendation = Recommendation.of(score);
            ScoreExplanation explanation = new ScoreExplanation(q.symbol(), q.regime(), contributions(q),
                    q.categoryScores(), q.categoryWeights(), q.value(), quantNormalised[i],
                    hasAi ? OptionalDouble.of(ai[i]) : OptionalDouble.empty(), hasAi ? aiNormalised[i] : Double.NaN,
                    hasAi ? weights : FinalScoreWeights.QUANT_ONLY, blended[i], z[i], score, recommendation, !hasAi,
                    reason);
            out.add(new FinalScore(q.symbol(), score, recommendation, explanation));
        }
        return out;
    }

    /** Min-max scaling of the finite values to [0, 1]; non-finite stay NaN; all-equal values become 0.5. */
    static double[] minMax(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            out[i] = !Double.isFinite(v) ? Double.NaN : max == min ? 0.5 : (v - min) / (max - min);
        }
        return out;
    }

    private static List<FactorContribution> contributions(QuantScore q) {
        List<FactorContribution> out = new ArrayList<>(Factor.values().length);
        for (Factor factor : Factor.values()) {
            FactorExposure e = q.stock().get(factor);
            double weight = q.factorWeights().get(factor);
            out.add(new FactorContribution(factor, factor.category(), e.raw(), e.winsorised(), e.zScore(), e.imputed(),
                    e.standardisedAgainst(), weight, weight * e.zScore()));
        }
        return out;
    }
}
