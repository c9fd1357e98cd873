package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCategory;
import com.aegis.core.market.Symbol;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The quant score of one stock: Σ over categories of weight × category score, where a category score is the mean of
 * its factors' z-scores. It is on the z-score scale (0 = average stock), not 0–100; the final score maps it.
 *
 * @param symbol          the stock
 * @param regime          the regime whose weights were applied
 * @param stock           the factor exposures it was computed from
 * @param categoryScores  mean z-score per category
 * @param categoryWeights the regime's category weights
 * @param factorWeights   effective weight of each factor (category weight / factors in the category)
 * @param value           the quant score
 * @param imputedFactors  how many of the 12 factors were imputed rather than measured
 */
public record QuantScore(
        Symbol symbol,
        MarketRegime regime,
        StandardisedStock stock,
        Map<FactorCategory, Double> categoryScores,
        Map<FactorCategory, Double> categoryWeights,
        Map<Factor, Double> factorWeights,
        double value,
        int imputedFactors) {

    public QuantScore {
        categoryScores = Collections.unmodifiableMap(new EnumMap<>(categoryScores));
        categoryWeights = Collections.unmodifiableMap(new EnumMap<>(categoryWeights));
        factorWeights = Collections.unmodifiableMap(new EnumMap<>(factorWeights));
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("quant score of " + symbol + " must be finite, got " + value);
        }
    }
}
