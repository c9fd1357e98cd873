package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCategory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantScorerTest {

    private static final StandardisedStock STOCK = QuantFixtures.stockWithZ("005930", Map.of(
            Factor.PBR, 1.0, Factor.PER, 0.5, Factor.PCR, 0.0,
            Factor.MOMENTUM_3M, 2.0, Factor.MOMENTUM_12M, 1.0,
            Factor.BETA, -1.0, Factor.VOLATILITY, -1.0,
            Factor.REVENUE_GROWTH, 0.5, Factor.NET_INCOME_GROWTH, 0.5));

    @Test
    void categoryScoresAreMeansAndTheQuantScoreTheirWeightedSum() {
        QuantScore score = new QuantScorer(RegimeWeights.defaults()).score(STOCK, MarketRegime.BULL);
        assertThat(score.categoryScores()).containsEntry(FactorCategory.VALUE, 0.5)
                .containsEntry(FactorCategory.QUALITY, 0.0).containsEntry(FactorCategory.MOMENTUM, 1.5)
                .containsEntry(FactorCategory.VOLATILITY, -1.0).containsEntry(FactorCategory.GROWTH, 0.5);
        // 0.15·0.5 + 0.20·0 + 0.35·1.5 + 0.10·(−1) + 0.20·0.5 = 0.6
        assertThat(score.value()).isCloseTo(0.6, within(1e-12));
        assertThat(score.factorWeights().get(Factor.PBR)).isCloseTo(0.05, within(1e-12));
        assertThat(score.factorWeights().get(Factor.MOMENTUM_3M)).isCloseTo(0.175, within(1e-12));
        assertThat(score.factorWeights().values().stream().mapToDouble(d -> d).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(score.imputedFactors()).isZero();
    }

    @Test
    void theRegimeChangesTheScore() {
        QuantScorer scorer = new QuantScorer(RegimeWeights.defaults());
        // HIGH_VOLATILITY: 0.20·0.5 + 0.30·0 + 0.05·1.5 + 0.35·(−1) + 0.10·0.5 = −0.125
        assertThat(scorer.score(STOCK, MarketRegime.HIGH_VOLATILITY).value()).isCloseTo(-0.125, within(1e-12));
    }
}
