package com.aegis.marketsim.exchange.participant;

/**
 * Shape of the simulated crowd's order flow for one stock.
 *
 * @param ordersPerMinute       mid-day arrival rate of crowd orders (new, aggressive and cancels together)
 * @param openingBoost          extra rate right after 09:00, as a multiple of the mid-day rate (decays over
 *                              {@code boostMinutes}): the left arm of the U-shaped intraday volume
 * @param closingBoost          extra rate right before 15:20, same decay: the right arm of the U
 * @param boostMinutes          e-folding time of both boosts, minutes
 * @param aggressiveShare       share of arrivals that take liquidity (marketable limit or market orders)
 * @param cancelShare           share of arrivals that cancel a resting crowd order
 * @param marketOrderShare      share of aggressive orders sent as market orders (when the book can absorb them)
 * @param openingAuctionShare   share of the planned volume traded in the opening auction
 * @param closingAuctionShare   share of the planned volume traded in the closing auction
 * @param maxRestingOrders      cap on the crowd's open orders per stock (the farthest are cancelled beyond it)
 */
public record FlowSettings(double ordersPerMinute, double openingBoost, double closingBoost, double boostMinutes,
                           double aggressiveShare, double cancelShare, double marketOrderShare,
                           double openingAuctionShare, double closingAuctionShare, int maxRestingOrders) {

    public FlowSettings {
        if (!(ordersPerMinute > 0)) {
            throw new IllegalArgumentException("ordersPerMinute must be positive, got " + ordersPerMinute);
        }
        if (openingBoost < 0 || closingBoost < 0 || !(boostMinutes > 0)) {
            throw new IllegalArgumentException("boosts must be >= 0 and boostMinutes > 0");
        }
        if (aggressiveShare < 0 || cancelShare < 0 || aggressiveShare + cancelShare >= 1) {
            throw new IllegalArgumentException("aggressiveShare and cancelShare must be >= 0 and sum below 1, got "
                    + aggressiveShare + " + " + cancelShare);
        }
        if (marketOrderShare < 0 || marketOrderShare > 1) {
            throw new IllegalArgumentException("marketOrderShare must be within 0..1, got " + marketOrderShare);
        }
        if (openingAuctionShare < 0 || closingAuctionShare < 0 || openingAuctionShare + closingAuctionShare >= 1) {
            throw new IllegalArgumentException("auction shares must be >= 0 and sum below 1");
        }
        if (maxRestingOrders < 10) {
            throw new IllegalArgumentException("maxRestingOrders must be at least 10, got " + maxRestingOrders);
        }
    }

    /** About 30 orders a minute mid-day, four times that at the open and three times at the close. */
    public static FlowSettings standard() {
        return new FlowSettings(30, 3.0, 2.0, 25, 0.30, 0.20, 0.2, 0.03, 0.08, 300);
    }

    public FlowSettings withOrdersPerMinute(double rate) {
        return new FlowSettings(rate, openingBoost, closingBoost, boostMinutes, aggressiveShare, cancelShare,
                marketOrderShare, openingAuctionShare, closingAuctionShare, maxRestingOrders);
    }
}
