package com.aegis.activities.kis.ws;

/** KIS's 대비부호 codes 1-5. */
public enum PriceChangeSign {
    UPPER_LIMIT,
    UP,
    UNCHANGED,
    LOWER_LIMIT,
    DOWN;

    static PriceChangeSign ofCode(String code) {
        return switch (code) {
            case "1" -> UPPER_LIMIT;
            case "2" -> UP;
            case "3" -> UNCHANGED;
            case "4" -> LOWER_LIMIT;
            case "5" -> DOWN;
            default -> throw new IllegalArgumentException("a change sign is 1-5, got '" + code + "'");
        };
    }
}
