package com.aegis.marketsim.exchange;

/** One price level of the visible book: the total open quantity and the number of orders at {@code price}. */
public record BookLevel(long price, long quantity, int orderCount) {
}
