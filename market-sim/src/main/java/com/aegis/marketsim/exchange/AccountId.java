package com.aegis.marketsim.exchange;

/** A trading account at the simulated broker (cash and holdings are checked against it). */
public record AccountId(String value) {

    public AccountId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("account id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
