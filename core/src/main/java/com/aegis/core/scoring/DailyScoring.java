package com.aegis.core.scoring;

import com.aegis.core.factors.FactorCalculator;
import com.aegis.core.factors.FactorInputs;
import com.aegis.core.factors.FactorSnapshot;
import com.aegis.core.factors.IndexHistory;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The quant-to-final part of the analytics pipeline for one trading date, in order: factors of every screened stock →
 * market regime from the index → cross-sectional standardisation → quant scores with the regime's weights → final
 * scores blended with the AI part, or quant-only when the AI models are unavailable.
 *
 * @param factors      factor calculator
 * @param regimes      regime detector
 * @param standardiser cross-sectional processing
 * @param weights      category weights per regime
 * @param finalScorer  quant/AI blending and the 0–100 mapping
 */
public record DailyScoring(
        FactorCalculator factors,
        RegimeDetector regimes,
        CrossSectionStandardiser standardiser,
        RegimeWeights weights,
        FinalScorer finalScorer) {

    public DailyScoring {
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(regimes, "regimes");
        Objects.requireNonNull(standardiser, "standardiser");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(finalScorer, "finalScorer");
    }

    /** Every component with its documented defaults. */
    public static DailyScoring withDefaults() {
        return new DailyScoring(FactorCalculator.withDefaults(), RegimeDetector.withDefaults(),
                new CrossSectionStandardiser(CrossSectionSettings.defaults()), RegimeWeights.defaults(),
                FinalScorer.withDefaults());
    }

    /** Full mode: quant 40% + AI 60%; {@code aiScores} by symbol (a stock without one is scored quant-only). */
    public DailyScoringResult score(List<FactorInputs> screened, IndexHistory index, LocalDate date,
            Map<Symbol, Double> aiScores) {
        Objects.requireNonNull(aiScores, "aiScores");
        return run(screened, index, date, aiScores, null);
    }

    /** Degraded mode (requirement I2): quant only, {@code reason} recorded on every score. */
    public DailyScoringResult scoreQuantOnly(List<FactorInputs> screened, IndexHistory index, LocalDate date,
            String reason) {
        return run(screened, index, date, null, reason);
    }

    private DailyScoringResult run(List<FactorInputs> screened, IndexHistory index, LocalDate date,
            Map<Symbol, Double> aiScores, String degradedReason) {
        RegimeReading regime = regimes.detect(index, date);
        List<FactorSnapshot> snapshots = new ArrayList<>(screened.size());
        for (FactorInputs stock : screened) {
            snapshots.add(factors.compute(stock, index, date));
        }
        List<QuantScore> quant = new QuantScorer(weights)
                .scoreAll(standardiser.standardise(snapshots), regime.regime());
        List<FinalScore> scores = aiScores != null
                ? finalScorer.score(quant, aiScores)
                : finalScorer.scoreQuantOnly(quant, degradedReason);
        return new DailyScoringResult(regime, snapshots, scores);
    }
}
