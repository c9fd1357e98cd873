package com.aegis.core.scoring;

import com.aegis.core.factors.FactorCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Category weights of the quant score per market regime (requirement A2: "weights are dynamic, chosen by market
 * regime"). Each regime's five weights lie in [0, 1] and sum to 1. The defaults lean on the usual reading of regime
 * investing: trend-following (momentum, growth) in a bull market; defence (quality, low risk, value) in a bear
 * market; value and quality when the market goes nowhere; low risk and quality, almost no momentum, when volatility
 * spikes and trends break.
 * <pre>
 *                   VALUE  QUALITY  MOMENTUM  VOLATILITY  GROWTH
 *   BULL            0.15   0.20     0.35      0.10        0.20
 *   BEAR            0.25   0.30     0.10      0.25        0.10
 *   SIDEWAYS        0.30   0.25     0.15      0.15        0.15
 *   HIGH_VOLATILITY 0.20   0.30     0.05      0.35        0.10
 * </pre>
 * Within a category the factors share the category weight equally.
 */
public final class RegimeWeights {

    private static final double SUM_TOLERANCE = 1e-9;

    private final Map<MarketRegime, Map<FactorCategory, Double>> weights;

    private RegimeWeights(Map<MarketRegime, Map<FactorCategory, Double>> weights) {
        this.weights = weights;
    }

    /** The table above. */
    public static RegimeWeights defaults() {
        Map<MarketRegime, Map<FactorCategory, Double>> w = new EnumMap<>(MarketRegime.class);
        w.put(MarketRegime.BULL, row(0.15, 0.20, 0.35, 0.10, 0.20));
        w.put(MarketRegime.BEAR, row(0.25, 0.30, 0.10, 0.25, 0.10));
        w.put(MarketRegime.SIDEWAYS, row(0.30, 0.25, 0.15, 0.15, 0.15));
        w.put(MarketRegime.HIGH_VOLATILITY, row(0.20, 0.30, 0.05, 0.35, 0.10));
        return of(w);
    }

    private static Map<FactorCategory, Double> row(double value, double quality, double momentum, double volatility,
            double growth) {
        Map<FactorCategory, Double> r = new EnumMap<>(FactorCategory.class);
        r.put(FactorCategory.VALUE, value);
        r.put(FactorCategory.QUALITY, quality);
        r.put(FactorCategory.MOMENTUM, momentum);
        r.put(FactorCategory.VOLATILITY, volatility);
        r.put(FactorCategory.GROWTH, growth);
        return r;
    }

    /** Weights for every regime and category (e.g. loaded from {@code factor_weight}); validated. */
    public static RegimeWeights of(Map<MarketRegime, Map<FactorCategory, Double>> weights) {
        Map<MarketRegime, Map<FactorCategory, Double>> copy = new EnumMap<>(MarketRegime.class);
        for (MarketRegime regime : MarketRegime.values()) {
            Map<FactorCategory, Double> row = weights.get(regime);
            if (row == null) {
                throw new IllegalArgumentException("no category weights for regime " + regime);
            }
            double sum = 0;
            for (FactorCategory category : FactorCategory.values()) {
                Double w = row.get(category);
                if (w == null || !(w >= 0 && w <= 1)) {
                    throw new IllegalArgumentException("weight of " + category + " in " + regime
                            + " must be within [0, 1], got " + w);
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                throw new IllegalArgumentException("category weights of " + regime + " must sum to 1, got " + sum
                        + " from " + row);
            }
            copy.put(regime, Collections.unmodifiableMap(new EnumMap<>(row)));
        }
        return new RegimeWeights(Collections.unmodifiableMap(copy));
    }

    /** These weights with one regime's row replaced. */
    public RegimeWeights with(MarketRegime regime, Map<FactorCategory, Double> categoryWeights) {
        Map<MarketRegime, Map<FactorCategory, Double>> copy = new EnumMap<>(weights);
        copy.put(regime, categoryWeights);
        return of(copy);
    }

    /** The category weights of {@code regime}. */
    public Map<FactorCategory, Double> forRegime(MarketRegime regime) {
        return weights.get(regime);
    }

    public double weight(MarketRegime regime, FactorCategory category) {
        return weights.get(regime).get(category);
    }
}
