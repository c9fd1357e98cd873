package com.aegis.activities.kis.rest;

/** ORD_DVSN: how an order is priced. */
public enum KisOrderType {
    /** 00 지정가: at the given price or better. */
    LIMIT("00"),
    /** 01 시장가: at the market; the price is sent as 0. */
    MARKET("01");

    private final String code;

    KisOrderType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
