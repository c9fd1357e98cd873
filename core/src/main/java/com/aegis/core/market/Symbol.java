package com.aegis.core.market;

import java.util.Objects;

/**
 * A KRX short code (단축코드), e.g. {@code 005930} for Samsung Electronics.
 *
 * @param code exactly six ASCII digits
 */
public record Symbol(String code) {

    public Symbol {
        Objects.requireNonNull(code, "symbol must be 6 digits: null");
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("symbol must be 6 digits: '" + code + "'");
        }
    }

    /** Parses a short code; throws IllegalArgumentException with the offending input if it is not 6 digits. */
    public static Symbol of(String code) {
        return new Symbol(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
