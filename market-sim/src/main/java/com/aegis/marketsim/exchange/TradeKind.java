package com.aegis.marketsim.exchange;

/** How a trade price was formed. */
public enum TradeKind {
    /** Continuous matching (접속매매): an incoming order met a resting one at the resting order's price. */
    CONTINUOUS,
    /** The 09:00 single-price auction (시가 단일가). */
    OPENING_AUCTION,
    /** The 15:30 single-price auction (종가 단일가). */
    CLOSING_AUCTION,
    /** The single-price auction that ends a volatility interruption or a trading halt. */
    INTRADAY_AUCTION
}
