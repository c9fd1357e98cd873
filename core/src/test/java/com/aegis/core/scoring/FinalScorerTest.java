package com.aegis.core.scoring;

import static com.aegis.core.scoring.QuantFixtures.quant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.market.Symbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FinalScorerTest {

    private static final List<QuantScore> QUANT = List.of(quant("000001", 0), quant("000002", 1), quant("000003", 2));
    /** 100 · Φ(√1.5). */
    private static final double HIGH = 88.96643190400766;

    private static Map<Symbol, Double> ai(double a, double b, double c) {
        Map<Symbol, Double> out = new HashMap<>();
        out.put(Symbol.of("000001"), a);
        out.put(Symbol.of("000002"), b);
        out.put(Symbol.of("000003"), c);
        return out;
    }

    @Test
    void blendsMinMaxNormalisedPartsThenMapsTheZScore() {
        // q' = 0, .5, 1; a' = 1, .5, 0; b = .6, .5, .4; z = √1.5, 0, −√1.5
        List<FinalScore> scores = FinalScorer.withDefaults().score(QUANT, ai(100, 50, 0));

        assertThat(scores.get(0).score()).isCloseTo(HIGH, within(1e-9));
        assertThat(scores.get(1).score()).isCloseTo(50.0, within(1e-9));
        assertThat(scores.get(2).score()).isCloseTo(100 - HIGH, within(1e-9));
        assertThat(scores).extracting(FinalScore::recommendation)
                .containsExactly(Recommendation.BUY, Recommendation.NEUTRAL, Recommendation.SELL);

        ScoreExplanation first = scores.get(0).explanation();
        assertThat(first.quantNormalised()).isEqualTo(0.0);
        assertThat(first.aiNormalised()).isEqualTo(1.0);
        assertThat(first.blended()).isCloseTo(0.6, within(1e-12));
        assertThat(first.blendedZ()).isCloseTo(Math.sqrt(1.5), within(1e-12));
        assertThat(first.weights()).isEqualTo(new FinalScoreWeights(0.4, 0.6));
        assertThat(first.aiScore()).hasValue(100.0);
        assertThat(first.degraded()).isFalse();
        assertThat(first.degradedReason()).isNull();
    }

    @Test
    void quantOnlyModeRecordsWeightsAndReasonOnEveryScore() {
        List<FinalScore> scores = FinalScorer.withDefaults()
                .scoreQuantOnly(QUANT, "AI models disabled: gpu-worker unavailable");
        assertThat(scores.get(0).score()).isCloseTo(100 - HIGH, within(1e-9));
        assertThat(scores.get(2).score()).isCloseTo(HIGH, within(1e-9));
        assertThat(scores).allSatisfy(s -> {
            assertThat(s.degraded()).isTrue();
            assertThat(s.degradedReason()).isEqualTo("AI models disabled: gpu-worker unavailable");
            assertThat(s.explanation().weights()).isEqualTo(FinalScoreWeights.QUANT_ONLY);
            assertThat(s.explanation().aiScore()).isEmpty();
            assertThat(s.explanation().aiNormalised()).isNaN();
        });
        assertThatThrownBy(() -> FinalScorer.withDefaults().scoreQuantOnly(QUANT, " "))
                .hasMessageContaining("why");
    }

    @Test
    void aStockWithoutAnAiScoreIsDegradedAloneWithItsOwnReason() {
        Map<Symbol, Double> partial = ai(100, 50, Double.NaN);
        partial.remove(Symbol.of("000002"));
        List<FinalScore> scores = FinalScorer.withDefaults().score(QUANT, partial);
        assertThat(scores.get(0).degraded()).isFalse();
        assertThat(scores.get(1).degradedReason()).contains("000002").contains("quant model alone");
        assertThat(scores.get(2).degradedReason()).contains("000003");
        // 000001 blends .4·0 + .6·0.5 (its AI is the only one: min-max of one value is 0.5); others use q'
        assertThat(scores.get(0).explanation().blended()).isCloseTo(0.3, within(1e-12));
        assertThat(scores.get(1).explanation().blended()).isEqualTo(0.5);
        assertThat(scores.get(2).explanation().blended()).isEqualTo(1.0);
    }

    @Test
    void identicalStocksAllScoreFifty() {
        List<FinalScore> scores = FinalScorer.withDefaults()
                .score(List.of(quant("000001", 1), quant("000002", 1)), ai(70, 70, 70));
        assertThat(scores).allSatisfy(s -> {
            assertThat(s.score()).isEqualTo(50.0);
            assertThat(s.recommendation()).isEqualTo(Recommendation.NEUTRAL);
        });
    }

    @Test
    void theExplanationAddsUpToTheQuantScore() {
        FinalScore score = FinalScorer.withDefaults().score(QUANT, ai(100, 50, 0)).get(2);
        ScoreExplanation e = score.explanation();
        assertThat(e.factors()).hasSize(12);
        assertThat(e.factors().stream().mapToDouble(FactorContribution::contribution).sum())
                .isCloseTo(e.quantScore(), within(1e-12));
        assertThat(e.quantScore()).isCloseTo(2.0, within(1e-12));
        assertThat(e.describe()).contains("000003").contains("SELL").contains("MOMENTUM_3M");
    }

    @Test
    void duplicateSymbolsAreRefused() {
        assertThatThrownBy(() -> FinalScorer.withDefaults()
                .score(List.of(quant("000001", 1), quant("000001", 2)), Map.of()))
                .hasMessageContaining("000001 appears twice");
    }
}
