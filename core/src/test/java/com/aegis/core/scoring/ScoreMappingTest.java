package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreMappingTest {

    private static final double Z_75 = 0.6744897501960817;

    @Test
    void normalCdfMatchesTables() {
        assertThat(ScoreMapping.normalCdf(0)).isEqualTo(0.5);
        assertThat(ScoreMapping.normalCdf(1)).isCloseTo(0.8413447460685429, within(1e-12));
        assertThat(ScoreMapping.normalCdf(1.96)).isCloseTo(0.9750021048517796, within(1e-12));
        assertThat(ScoreMapping.normalCdf(-1.96)).isCloseTo(1 - 0.9750021048517796, within(1e-12));
        assertThat(ScoreMapping.normalCdf(40)).isEqualTo(1.0);
        assertThat(ScoreMapping.normalCdf(-40)).isEqualTo(0.0);
    }

    @Test
    void averageIsFiftyAndTheQuartilesAreTheThresholds() {
        assertThat(ScoreMapping.toScore(0)).isEqualTo(50.0);
        assertThat(ScoreMapping.toScore(Z_75)).isCloseTo(75.0, within(1e-9));
        assertThat(ScoreMapping.toScore(-Z_75)).isCloseTo(25.0, within(1e-9));
        assertThat(ScoreMapping.toScore(3) + ScoreMapping.toScore(-3)).isCloseTo(100.0, within(1e-12));
        assertThatThrownBy(() -> ScoreMapping.toScore(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void recommendationThresholdsAreInclusive() {
        assertThat(Recommendation.of(75.0)).isEqualTo(Recommendation.BUY);
        assertThat(Recommendation.of(74.999999)).isEqualTo(Recommendation.NEUTRAL);
        assertThat(Recommendation.of(25.0)).isEqualTo(Recommendation.SELL);
        assertThat(Recommendation.of(25.000001)).isEqualTo(Recommendation.NEUTRAL);
        assertThat(Recommendation.of(0)).isEqualTo(Recommendation.SELL);
        assertThat(Recommendation.of(100)).isEqualTo(Recommendation.BUY);
        assertThatThrownBy(() -> Recommendation.of(100.5)).hasMessageContaining("[0, 100]");
    }
}
