package com.aegis.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Side;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalThresholdsTest {

    @ParameterizedTest(name = "score {0} -> {1}")
    @CsvSource({
        "100, BUY", "75, BUY", "74.999, NONE", "50, NONE", "25.001, NONE", "25, SELL", "0, SELL"
    })
    void theDefaultThresholdsAreInclusiveAt75And25(double score, String expected) {
        Optional<Side> side = SignalThresholds.defaults().sideFor(score);
        if (expected.equals("NONE")) {
            assertThat(side).isEmpty();
        } else {
            assertThat(side).contains(Side.valueOf(expected));
        }
    }

    @Test
    void thresholdsAreConfigurable() {
        SignalThresholds strict = new SignalThresholds(90, 10);
        assertThat(strict.sideFor(89.9)).isEmpty();
        assertThat(strict.sideFor(90)).contains(Side.BUY);
        assertThat(strict.sideFor(10)).contains(Side.SELL);
    }

    @Test
    void aScoreOutsideZeroToHundredIsAnError() {
        SignalThresholds t = SignalThresholds.defaults();
        assertThatThrownBy(() -> t.sideFor(100.01)).hasMessageContaining("within 0..100");
        assertThatThrownBy(() -> t.sideFor(-1)).hasMessageContaining("within 0..100");
        assertThatThrownBy(() -> t.sideFor(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void thresholdsMustLeaveANeutralBand() {
        assertThatThrownBy(() -> new SignalThresholds(50, 50)).hasMessageContaining("0 <= sell < buy <= 100");
        assertThatThrownBy(() -> new SignalThresholds(101, 25)).hasMessageContaining("0 <= sell < buy <= 100");
    }
}
