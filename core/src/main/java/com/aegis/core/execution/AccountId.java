package com.aegis.core.execution;

/**
 * A brokerage account (KIS 계좌번호 with product code), as the ledger and positions are kept per account.
 *
 * @param value non-blank, at most 128 characters, no whitespace
 */
public record AccountId(String value) {

    public AccountId {
        Identifiers.requireValid("AccountId", value);
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
