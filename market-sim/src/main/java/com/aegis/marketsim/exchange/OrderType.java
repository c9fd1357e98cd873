package com.aegis.marketsim.exchange;

/** KRX order types supported by the simulator: 지정가 (limit) and 시장가 (market). */
public enum OrderType {
    LIMIT,
    /**
     * Executes against the book at the best prices. An unfilled remainder stays in the book as a market order at the
     * KRX deemed price (see {@link MatchingEngine}); in an auction it takes part at any price.
     */
    MARKET
}
