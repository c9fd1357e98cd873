package com.aegis.marketsim.exchange;

/** Commission and sell tax in KRW for one fill. */
public record FillCharges(long commission, long tax) {

    public static final FillCharges NONE = new FillCharges(0L, 0L);
}
