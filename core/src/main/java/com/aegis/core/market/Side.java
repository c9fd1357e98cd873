package com.aegis.core.market;

/** Direction of an order or fill. */
public enum Side {
    BUY,
    SELL
}
