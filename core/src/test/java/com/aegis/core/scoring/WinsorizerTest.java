package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WinsorizerTest {

    @Test
    void clampsToTheInterpolatedPercentiles() {
        double[] values = {10, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        // sorted 1..10: P10 at h = 0.9 -> 1.9, P90 at h = 8.1 -> 9.1
        double[] out = new Winsorizer(0.1, 0.9).winsorise(values);
        assertThat(out[0]).isCloseTo(9.1, within(1e-12));
        assertThat(out[1]).isCloseTo(1.9, within(1e-12));
        assertThat(out[5]).isEqualTo(5.0);
        assertThat(values[0]).isEqualTo(10.0);
    }

    @Test
    void fullRangeLeavesValuesAlone() {
        assertThat(new Winsorizer(0, 1).winsorise(new double[] {-5, 0, 1e6})).containsExactly(-5, 0, 1e6);
        assertThat(new Winsorizer(0.01, 0.99).winsorise(new double[0])).isEmpty();
    }

    @Test
    void percentilesMustBeOrdered() {
        assertThatThrownBy(() -> new Winsorizer(0.9, 0.1)).hasMessageContaining("0.9");
    }
}
