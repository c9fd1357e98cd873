package com.aegis.marketsim.exchange;

import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.util.List;

/**
 * The top levels of a book (호가창): bids best (highest) first, asks best (lowest) first. During an auction the book
 * may be crossed; that is what the auction resolves, and {@code indicativePrice}/{@code indicativeVolume} show the
 * price and quantity it would trade if it ended now (예상체결가; 0 outside auctions or when nothing would trade).
 */
public record BookSnapshot(Symbol symbol, Instant time, TradingState state, List<BookLevel> bids,
                           List<BookLevel> asks, long indicativePrice, long indicativeVolume) {

    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public long bestBid() {
        return bids.isEmpty() ? 0L : bids.get(0).price();
    }

    public long bestAsk() {
        return asks.isEmpty() ? 0L : asks.get(0).price();
    }
}
