package com.aegis.activities.kis.rest;

import com.aegis.core.market.Symbol;

import java.time.LocalTime;
import java.util.List;

/**
 * inquire-asking-price-exp-ccn (FHKST01010200): ten levels each side, best first (empty levels dropped), with the
 * time KIS accepted the book (KST) and the expected auction price and volume (0 outside auctions).
 */
public record KisAskingPrice(Symbol symbol, LocalTime acceptedAt, List<Level> asks, List<Level> bids,
                             long totalAskQuantity, long totalBidQuantity, long lastPrice, long expectedPrice,
                             long expectedVolume) {

    public record Level(long price, long quantity) {
    }

    public KisAskingPrice {
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
    }
}
