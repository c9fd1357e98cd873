package com.aegis.marketsim.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Single-price auction price discovery (단일가매매), as KRX determines it: among all prices, the one that executes the
 * largest quantity; on a tie, the one with the smallest unexecuted imbalance; on a further tie, the one closest to the
 * reference price (the base price at the open, the last trade price otherwise); if still tied, the lower price.
 * Source: the single-price auction examples in KRX's trading-mechanism pages (global.krx.co.kr).
 *
 * <p>Market orders must be passed at the band limit (buy at the upper, sell at the lower limit), which makes them
 * take part at every candidate price.
 */
public final class AuctionPriceFinder {

    private AuctionPriceFinder() {
    }

    /**
     * @param bids      bid levels (any order); quantity per price
     * @param asks      ask levels (any order)
     * @param reference the reference price for the last tie-break
     */
    public static AuctionResult find(List<BookLevel> bids, List<BookLevel> asks, long reference) {
        if (bids.isEmpty() || asks.isEmpty()) {
            return AuctionResult.NO_TRADE;
        }
        long[][] bidLevels = sortedAscending(bids);
        long[][] askLevels = sortedAscending(asks);
        TreeSet<Long> candidates = new TreeSet<>();
        for (long[] level : bidLevels) {
            candidates.add(level[0]);
        }
        for (long[] level : askLevels) {
            candidates.add(level[0]);
        }
        if (reference > 0) {
            // the reference itself is a candidate: when it lies inside the range of best prices, KRX trades there
            candidates.add(reference);
        }
        long demand = 0;
        for (long[] level : bidLevels) {
            demand += level[1];
        }
        long supply = 0;
        int bid = 0;
        int ask = 0;
        long bestPrice = 0;
        long bestVolume = 0;
        long bestImbalance = Long.MAX_VALUE;
        // one ascending sweep: demand at p = bids priced >= p (shrinks), supply at p = asks priced <= p (grows)
        for (long p : candidates) {
            while (bid < bidLevels.length && bidLevels[bid][0] < p) {
                demand -= bidLevels[bid++][1];
            }
            while (ask < askLevels.length && askLevels[ask][0] <= p) {
                supply += askLevels[ask++][1];
            }
            long volume = Math.min(demand, supply);
            if (volume == 0) {
                continue;
            }
            long imbalance = Math.abs(demand - supply);
            if (better(volume, imbalance, p, bestVolume, bestImbalance, bestPrice, reference)) {
                bestPrice = p;
                bestVolume = volume;
                bestImbalance = imbalance;
            }
        }
        return bestVolume == 0 ? AuctionResult.NO_TRADE : new AuctionResult(bestPrice, bestVolume, bestImbalance);
    }

    private static long[][] sortedAscending(List<BookLevel> levels) {
        long[][] out = new long[levels.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new long[] {levels.get(i).price(), levels.get(i).quantity()};
        }
        Arrays.sort(out, (x, y) -> Long.compare(x[0], y[0]));
        return out;
    }

    private static boolean better(long volume, long imbalance, long price, long bestVolume, long bestImbalance,
                                  long bestPrice, long reference) {
        if (volume != bestVolume) {
            return volume > bestVolume;
        }
        if (imbalance != bestImbalance) {
            return imbalance < bestImbalance;
        }
        long distance = Math.abs(price - reference);
        long bestDistance = Math.abs(bestPrice - reference);
        if (distance != bestDistance) {
            return distance < bestDistance;
        }
        return price < bestPrice;
    }
}
