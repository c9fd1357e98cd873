package com.aegis.core.execution;

/**
 * The broker's execution id of one fill; a fill notice seen twice carries the same trade id.
 *
 * @param value non-blank, at most 128 characters, no whitespace
 */
public record TradeId(String value) {

    public TradeId {
        Identifiers.requireValid("TradeId", value);
    }

    public static TradeId of(String value) {
        return new TradeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
