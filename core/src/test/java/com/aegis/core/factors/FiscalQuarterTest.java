package com.aegis.core.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FiscalQuarterTest {

    @Test
    void stepsBackAcrossYears() {
        assertThat(FiscalQuarter.of(2024, 1).minusQuarters(1)).isEqualTo(FiscalQuarter.of(2023, 4));
        assertThat(FiscalQuarter.of(2024, 3).minusQuarters(4)).isEqualTo(FiscalQuarter.of(2023, 3));
        assertThat(FiscalQuarter.of(2024, 2).minusQuarters(7)).isEqualTo(FiscalQuarter.of(2022, 3));
        assertThat(FiscalQuarter.of(2024, 2)).isGreaterThan(FiscalQuarter.of(2023, 4));
    }

    @Test
    void quarterMustBeOneToFour() {
        assertThatThrownBy(() -> FiscalQuarter.of(2024, 5)).hasMessageContaining("1..4");
    }
}
