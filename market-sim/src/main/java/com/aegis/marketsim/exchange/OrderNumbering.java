package com.aegis.marketsim.exchange;

/** Hands out exchange order numbers, unique across all books of a simulator. */
public final class OrderNumbering {

    private long last;

    public OrderNumbering() {
        this(0L);
    }

    /** Numbers start after {@code last} (to continue a previous day's numbering). */
    public OrderNumbering(long last) {
        this.last = last;
    }

    public ExchangeOrderId next() {
        return new ExchangeOrderId(++last);
    }
}
