package com.aegis.marketsim.exchange;

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
        TreeSet<Long> candidates = new TreeSet<>();
        long[] bidPrices = new long[bids.size()];
        long[] bidQty = new long[bids.size()];
        long[] askPrices = new long[asks.size()];
        long[] askQty = new long[asks.size()];
        for (int i = 0; i < bids.size(); i++) {
            bidPrices[i] = bids.get(i).price();
            bidQty[i] = bids.get(i).quantity();
            candidates.add(bidPrices[i]);
        }
        for (int i = 0; i < asks.size(); i++) {
            askPrices[i] = asks.get(i).price();
            askQty[i] = asks.get(i).quantity();
            candidates.add(askPrices[i]);
        }
        if (reference > 0) {
            // the reference itself is a candidate: when it lies inside the range of best prices, KRX trades there
            candidates.add(reference);
        }
        long bestPrice = 0;
        long bestVolume = 0;
        long bestImbalance = Long.MAX_VALUE;
        for (long p : candidates) {
            long demand = 0;
            for (int i = 0; i < bidPrices.length; i++) {
                if (bidPrices[i] >= p) {
                    demand += bidQty[i];
                }
            }
            long supply = 0;
            for (int i = 0; i < askPrices.length; i++) {
                if (askPrices[i] <= p) {
                    supply += askQty[i];
                }
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
