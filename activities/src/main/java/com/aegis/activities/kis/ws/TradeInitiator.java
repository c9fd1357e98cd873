package com.aegis.activities.kis.ws;

/** Who made a trade happen (CCLD_DVSN): an incoming buy, an incoming sell, or a single-price auction. */
public enum TradeInitiator {
    BUYER,
    SELLER,
    AUCTION;

    static TradeInitiator ofCode(String code) {
        return switch (code) {
            case "1" -> BUYER;
            case "5" -> SELLER;
            case "3" -> AUCTION;
            default -> throw new IllegalArgumentException("CCLD_DVSN is 1, 3 or 5, got '" + code + "'");
        };
    }
}
