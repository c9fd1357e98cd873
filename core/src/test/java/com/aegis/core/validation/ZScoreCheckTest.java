package com.aegis.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZScoreCheckTest {

    @Test
    void crossSectionRejectsBeyondTheLimit() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("a", 1.0);
        values.put("b", 2.0);
        values.put("c", 3.0);
        values.put("d", 4.0);
        values.put("e", 5.0);
        // mean 3, population sd √2; |z| ≤ 1 -> [3 − √2, 3 + √2] = [1.586, 4.414]
        ValidationOutcome outcome = new ZScoreCheck(1.0).crossSection("PBR", values);

        assertThat(outcome.accepted()).containsOnlyKeys("b", "c", "d");
        assertThat(outcome.rejected()).extracting(Rejection::key).containsExactly("a", "e");
        Rejection first = outcome.rejected().get(0);
        assertThat(first.reason()).isEqualTo(RejectionReason.Z_SCORE_EXCEEDED);
        assertThat(first.bounds().lower()).isCloseTo(3 - Math.sqrt(2), within(1e-12));
        assertThat(first.bounds().upper()).isCloseTo(3 + Math.sqrt(2), within(1e-12));
    }

    @Test
    void newObservationIsCheckedAgainstItsOwnHistory() {
        double[] history = {100, 102, 98, 100};   // mean 100, sd √2
        ZScoreCheck check = new ZScoreCheck(3.0);
        assertThat(check.againstHistory("close", "005930 2025-03-11", history, 104)).isEmpty();
        Optional<Rejection> rejection = check.againstHistory("close", "005930 2025-03-11", history, 105);
        assertThat(rejection).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.Z_SCORE_EXCEEDED);
            assertThat(r.value()).isEqualTo(105);
            assertThat(r.bounds().upper()).isCloseTo(100 + 3 * Math.sqrt(2), within(1e-12));
        });
        assertThat(check.againstHistory("close", "x", history, Double.NaN))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RejectionReason.NOT_FINITE));
    }

    @Test
    void sampleWithoutSpreadAcceptsOnlyItsValue() {
        ZScoreCheck check = new ZScoreCheck(3.0);
        assertThat(check.againstHistory("close", "x", new double[] {100, 100, 100}, 100)).isEmpty();
        assertThat(check.againstHistory("close", "x", new double[] {100, 100, 100}, 101)).isPresent();
    }

    @Test
    void fencesRunBeforeTheZCheckSoAHugeValueCannotHideItself() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            values.put("s" + i, 10.0 + i % 3);
        }
        values.put("bad", 1e9);
        // Alone, the z-check misses it: one value among 11 can reach at most |z| = √10 ≈ 3.16 < 4.
        assertThat(new ZScoreCheck(4.0).crossSection("close", values).rejected()).isEmpty();

        ValidationOutcome outcome = CrossSectionValidator.defaults().validate("close", values);
        assertThat(outcome.rejected()).extracting(Rejection::key, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", RejectionReason.OUTSIDE_TUKEY_FENCES));
        assertThat(outcome.total()).isEqualTo(11);
    }
}
