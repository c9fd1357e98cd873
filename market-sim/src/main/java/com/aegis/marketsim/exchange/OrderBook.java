package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The limit order book of one stock: price levels in a sorted map per side, each a FIFO of orders, so the best price
 * is O(log n) to find and a cancel is O(log n). Read-only to everyone but its {@link MatchingEngine}.
 */
public final class OrderBook {

    /** Depth of the published book (호가 10단계). */
    public static final int PUBLISHED_DEPTH = 10;

    private final Symbol symbol;
    private final TreeMap<Long, PriceLevel> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, PriceLevel> asks = new TreeMap<>();
    private int openOrders;
    private boolean topChanged;

    OrderBook(Symbol symbol) {
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }

    /** Highest bid price, or 0 when there is no bid. */
    public long bestBid() {
        return bids.isEmpty() ? 0L : bids.firstKey();
    }

    /** Lowest ask price, or 0 when there is no ask. */
    public long bestAsk() {
        return asks.isEmpty() ? 0L : asks.firstKey();
    }

    /** True when the best bid is at or above the best ask (allowed only while an auction collects orders). */
    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    public int openOrderCount() {
        return openOrders;
    }

    public int levelCount(Side side) {
        return sideMap(side).size();
    }

    /** Total open quantity on one side. */
    public long totalQuantity(Side side) {
        long total = 0;
        for (PriceLevel level : sideMap(side).values()) {
            total += level.quantity;
        }
        return total;
    }

    /** The best {@code depth} levels of one side, best first. */
    public List<BookLevel> levels(Side side, int depth) {
        List<BookLevel> out = new ArrayList<>(Math.min(depth, sideMap(side).size()));
        for (PriceLevel level : sideMap(side).values()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new BookLevel(level.price, level.quantity, level.count));
        }
        return out;
    }

    /** Every open order on one side in execution priority: best price first, then oldest first. */
    public List<RestingOrderView> ordersInPriority(Side side) {
        List<RestingOrderView> out = new ArrayList<>();
        for (PriceLevel level : sideMap(side).values()) {
            for (RestingOrder o = level.head; o != null; o = o.next) {
                out.add(o.view());
            }
        }
        return out;
    }

    // ---- mutation, package-private: only the matching engine changes a book ----

    PriceLevel bestLevel(Side side) {
        Map.Entry<Long, PriceLevel> e = sideMap(side).firstEntry();
        return e == null ? null : e.getValue();
    }

    TreeMap<Long, PriceLevel> sideMap(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    void add(RestingOrder order) {
        TreeMap<Long, PriceLevel> map = sideMap(order.side);
        PriceLevel level = map.get(order.price);
        if (level == null) {
            level = new PriceLevel(order.price);
            map.put(order.price, level);
        }
        level.append(order);
        openOrders++;
        noteChange(order.side, order.price);
    }

    void remove(RestingOrder order) {
        PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty()) {
            sideMap(order.side).remove(level.price);
        }
        openOrders--;
        noteChange(order.side, level.price);
    }

    /** Takes {@code quantity} off an order's open quantity, removing it from the book when nothing is left. */
    void reduce(RestingOrder order, long quantity) {
        PriceLevel level = order.level;
        if (level == null) {
            order.leaves -= quantity;
            return;
        }
        if (quantity >= order.leaves) {
            remove(order);
            order.leaves -= quantity;
            return;
        }
        order.leaves -= quantity;
        level.quantity -= quantity;
        noteChange(order.side, level.price);
    }

    /** True once since the last call if anything within the published depth changed. */
    boolean takeTopChanged() {
        boolean changed = topChanged;
        topChanged = false;
        return changed;
    }

    private void noteChange(Side side, long price) {
        if (topChanged) {
            return;
        }
        int better = 0;
        boolean buy = side == Side.BUY;
        for (Long p : sideMap(side).keySet()) {
            if (buy ? p <= price : p >= price) {
                break;
            }
            if (++better >= PUBLISHED_DEPTH) {
                return;
            }
        }
        topChanged = true;
    }
}
