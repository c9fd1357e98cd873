package com.aegis.marketsim.kis.rest;

import java.util.Objects;

/**
 * A KIS account as the API addresses it: the 8-digit comprehensive account number (CANO) and the 2-digit product
 * code (ACNT_PRDT_CD, "01" for a stock account).
 */
public record KisAccount(String cano, String productCode) {

    public KisAccount {
        Objects.requireNonNull(cano, "cano");
        Objects.requireNonNull(productCode, "productCode");
        if (cano.length() != 8 || !cano.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("CANO must be 8 digits, got " + cano.length() + " characters");
        }
        if (productCode.length() != 2 || !productCode.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("ACNT_PRDT_CD must be 2 digits, got " + productCode.length()
                    + " characters");
        }
    }

    @Override
    public String toString() {
        // Account numbers are personal data: only the last two digits are ever printed.
        return "KisAccount[******" + cano.substring(6) + "-" + productCode + "]";
    }
}
