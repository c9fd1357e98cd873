package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Combines standardised factor exposures into quant scores with the weights of the day's regime. */
public final class QuantScorer {

    private final RegimeWeights weights;

    public QuantScorer(RegimeWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public QuantScore score(StandardisedStock stock, MarketRegime regime) {
        Map<FactorCategory, Double> categoryWeights = weights.forRegime(regime);
        Map<FactorCategory, Double> sums = new EnumMap<>(FactorCategory.class);
        Map<FactorCategory, Integer> counts = new EnumMap<>(FactorCategory.class);
        for (Factor factor : Factor.values()) {
            counts.merge(factor.category(), 1, Integer::sum);
        }
        Map<Factor, Double> factorWeights = new EnumMap<>(Factor.class);
        int imputed = 0;
        for (Factor factor : Factor.values()) {
            FactorExposure exposure = stock.get(factor);
            if (exposure == null) {
                throw new IllegalArgumentException("no exposure to " + factor + " for " + stock.symbol()
                        + ": standardise all 12 factors first");
            }
            sums.merge(factor.category(), exposure.zScore(), Double::sum);
            factorWeights.put(factor, categoryWeights.get(factor.category()) / counts.get(factor.category()));
            if (exposure.imputed()) {
                imputed++;
            }
        }
        Map<FactorCategory, Double> categoryScores = new EnumMap<>(FactorCategory.class);
        double value = 0;
        for (FactorCategory category : FactorCategory.values()) {
            double score = sums.get(category) / counts.get(category);
            categoryScores.put(category, score);
            value += categoryWeights.get(category) * score;
        }
        return new QuantScore(stock.symbol(), regime, stock, categoryScores, categoryWeights, factorWeights, value,
                imputed);
    }

    public List<QuantScore> scoreAll(List<StandardisedStock> stocks, MarketRegime regime) {
        List<QuantScore> out = new ArrayList<>(stocks.size());
        for (StandardisedStock stock : stocks) {
            out.add(score(stock, regime));
        }
        return out;
    }
}
