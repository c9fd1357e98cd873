package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZScoresTest {

    @Test
    void handComputed() {
        // mean 5, population sd 2
        double[] z = ZScores.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertThat(z[0]).isCloseTo(-1.5, within(1e-12));
        assertThat(z[4]).isEqualTo(0.0);
        assertThat(z[7]).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void noSpreadMeansEveryStockIsAverage() {
        assertThat(ZScores.of(new double[] {3, 3, 3})).containsExactly(0, 0, 0);
        assertThat(ZScores.of(new double[] {7})).containsExactly(0);
    }
}
