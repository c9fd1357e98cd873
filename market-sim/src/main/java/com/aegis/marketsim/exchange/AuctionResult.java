package com.aegis.marketsim.exchange;

/**
 * Outcome of a single-price auction: everything crossing trades at {@code price}; {@code volume} shares change hands;
 * {@code imbalance} is the unexecuted surplus of the heavier side at that price. Volume 0 means no trade.
 */
public record AuctionResult(long price, long volume, long imbalance) {

    public static final AuctionResult NO_TRADE = new AuctionResult(0L, 0L, 0L);

    public boolean trades() {
        return volume > 0;
    }
}
