package com.aegis.marketsim.exchange;

/** Why an order's open quantity was removed from the book. */
public enum CancelReason {
    /** The owner asked for it. */
    REQUESTED,
    /** KRX orders are day orders: whatever is open when the closing auction ends expires. */
    END_OF_DAY
}
