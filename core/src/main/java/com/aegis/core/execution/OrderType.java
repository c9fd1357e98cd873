package com.aegis.core.execution;

/** How an order is priced at the venue. */
public enum OrderType {
    /** 지정가: executes at the limit price or better. */
    LIMIT,
    /** 시장가: executes at the best available prices; carries no limit price. */
    MARKET
}
