package com.aegis.core.scoring;

import com.aegis.core.factors.FactorSnapshot;
import java.util.List;

/**
 * One day's scoring of the screened universe.
 *
 * @param regime    the market regime and its indicators (for {@code market_regime_daily})
 * @param snapshots the raw factor values (for {@code factor_value.raw_value})
 * @param scores    the final scores with their explanations (for {@code score_daily} and
 *                  {@code factor_value.z_score}), in input order
 */
public record DailyScoringResult(RegimeReading regime, List<FactorSnapshot> snapshots, List<FinalScore> scores) {

    public DailyScoringResult {
        snapshots = List.copyOf(snapshots);
        scores = List.copyOf(scores);
    }
}
