package com.aegis.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TukeyFencesTest {

    private static Map<String, Double> closes(double... values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(String.format("%06d", i + 1), values[i]);
        }
        return out;
    }

    @Test
    void rejectsValuesOutsideTheFencesWithReasonAndBounds() {
        // sorted 10,12,13,15,100: Q1 = 12, Q3 = 15, IQR = 3; k = 1.5 -> [7.5, 19.5]
        ValidationOutcome outcome = new TukeyFences(1.5).filter("close", closes(10, 12, 100, 13, 15));

        assertThat(outcome.accepted()).containsOnlyKeys("000001", "000002", "000004", "000005");
        assertThat(outcome.rejected()).containsExactly(new Rejection("close", "000003", 100,
                RejectionReason.OUTSIDE_TUKEY_FENCES, new Bounds(7.5, 19.5)));
        assertThat(outcome.rejected().get(0).message())
                .isEqualTo("close of 000003 = 100.0 rejected (OUTSIDE_TUKEY_FENCES): allowed [7.5, 19.5]");
    }

    @Test
    void fenceEndsAreAccepted() {
        // same quartiles; 7.5 and 19.5 sit exactly on the fences
        ValidationOutcome outcome = new TukeyFences(1.5).filter("close", closes(7.5, 12, 12, 13, 15, 15, 19.5));
        assertThat(outcome.rejected()).isEmpty();
    }

    @Test
    void widerMultiplierKeepsMore() {
        // k = 30 -> [12 − 90, 15 + 90] = [−78, 105]
        ValidationOutcome outcome = new TukeyFences(30).filter("close", closes(10, 12, 100, 13, 15));
        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.accepted()).hasSize(5);
    }

    @Test
    void nonFiniteValuesAreRejectedNotDropped() {
        ValidationOutcome outcome = new TukeyFences(1.5).filter("close", closes(10, Double.NaN, 12, 13, 15,
                Double.POSITIVE_INFINITY));
        assertThat(outcome.total()).isEqualTo(6);
        assertThat(outcome.rejected()).extracting(Rejection::key, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("000002", RejectionReason.NOT_FINITE),
                org.assertj.core.groups.Tuple.tuple("000006", RejectionReason.NOT_FINITE));
    }

    @Test
    void tooSmallSampleIsAcceptedUnbounded() {
        ValidationOutcome outcome = new TukeyFences(1.5).filter("close", closes(1, 1_000_000, 3));
        assertThat(outcome.rejected()).isEmpty();
        assertThat(new TukeyFences(1.5).fencesOf(new double[] {1, 2, 3})).isEqualTo(Bounds.UNBOUNDED);
    }

    @Test
    void multiplierMustBePositive() {
        assertThatThrownBy(() -> new TukeyFences(0)).hasMessageContaining("positive");
    }
}
