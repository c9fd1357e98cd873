package com.aegis.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] values = {4, 1, 3, 2};
        // sorted 1,2,3,4; h = 3p: p=0.25 -> 0.75 -> 1 + 0.75·1
        assertThat(Statistics.quantile(values, 0.25)).isEqualTo(1.75);
        assertThat(Statistics.quantile(values, 0.5)).isEqualTo(2.5);
        assertThat(Statistics.quantile(values, 0.0)).isEqualTo(1.0);
        assertThat(Statistics.quantile(values, 1.0)).isEqualTo(4.0);
        assertThat(values).containsExactly(4, 1, 3, 2);
    }

    @Test
    void standardDeviationsUsePopulationOrSampleDivisor() {
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(Statistics.mean(values)).isEqualTo(5.0);
        assertThat(Statistics.populationStdDev(values)).isEqualTo(2.0);
        assertThat(Statistics.sampleStdDev(values)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(Statistics.sampleStdDev(new double[] {1})).isNaN();
    }

    @Test
    void quantileOfNothingIsAnError() {
        assertThatThrownBy(() -> Statistics.quantile(new double[0], 0.5)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Statistics.quantile(new double[] {1}, 1.5)).hasMessageContaining("[0, 1]");
    }
}
