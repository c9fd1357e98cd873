package com.aegis.marketsim.exchange;

/** What a stock's book is doing right now. */
public enum TradingState {
    /** Before 08:30 and after the closing auction: orders are refused. */
    CLOSED,
    /** 08:30-09:00: orders collect for the opening single-price auction; nothing trades. */
    PRE_OPEN_AUCTION,
    /** 09:00-15:20: continuous matching by price-time priority. */
    CONTINUOUS,
    /** A two-minute single-price auction after a volatility interruption (or the call period after a halt). */
    VOLATILITY_AUCTION,
    /** 15:20-15:30: orders collect for the closing single-price auction. */
    CLOSING_AUCTION,
    /** Trading halted (거래정지): new orders and modifications are refused, cancels are allowed. */
    HALTED;

    /** True while the book is an auction book, which may legitimately be crossed. */
    public boolean isAuction() {
        return this == PRE_OPEN_AUCTION || this == VOLATILITY_AUCTION || this == CLOSING_AUCTION;
    }
}
