package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * The quant stage's output (requirement A2), persisted in {@code factor_value}, {@code market_regime_daily} and
 * {@code quant_score_daily}.
 *
 * @param date             the scoring date
 * @param regime           BULL, BEAR, SIDEWAYS or HIGH_VOLATILITY
 * @param regimeConfidence the detector's confidence, [0, 1]
 * @param scored           stocks with a quant score
 * @param imputedValues    factor values imputed (missing) across all stocks
 * @param categoryWeights  the regime's category weights applied
 * @param changedScores    stocks whose stored quant score changed (a recalculation); equals {@code scored} when new
 */
public record QuantSummary(LocalDate date, String regime, double regimeConfidence, int scored, int imputedValues,
                           Map<String, Double> categoryWeights, int changedScores) {

    public QuantSummary {
        categoryWeights = Map.copyOf(categoryWeights);
    }
}
