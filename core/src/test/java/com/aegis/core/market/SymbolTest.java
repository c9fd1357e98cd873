package com.aegis.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void sixDigitCodeIsAcceptedAndPrintedAsIs() {
        assertThat(Symbol.of("005930").code()).isEqualTo("005930");
        assertThat(Symbol.of("005930")).hasToString("005930").isEqualTo(new Symbol("005930"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "05930", "0059300", "00593A", " 05930", "００５９３０"})
    void anythingButSixAsciiDigitsIsRejectedWithTheInput(String bad) {
        assertThatThrownBy(() -> Symbol.of(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol must be 6 digits: '" + bad + "'");
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> Symbol.of(null)).isInstanceOf(NullPointerException.class);
    }
}
