package com.aegis.marketsim.kis.ws;

/** KIS's 대비부호: how a price compares with a reference (the previous close unless the field says otherwise). */
public enum PriceChangeSign {
    UPPER_LIMIT("1"),
    UP("2"),
    UNCHANGED("3"),
    LOWER_LIMIT("4"),
    DOWN("5");

    private final String code;

    PriceChangeSign(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The sign of {@code price - reference}, with the limit codes when {@code price} sits on a daily limit. */
    public static PriceChangeSign of(long price, long reference, long upperLimit, long lowerLimit) {
        if (upperLimit > 0 && price >= upperLimit) {
            return UPPER_LIMIT;
        }
        if (lowerLimit > 0 && price <= lowerLimit) {
            return LOWER_LIMIT;
        }
        return price > reference ? UP : price < reference ? DOWN : UNCHANGED;
    }
}
