package com.aegis.core.signal;

import com.aegis.core.execution.OrderType;

/**
 * Limit or market for a real-time entry (requirement E4: limit 80%, market 20%).
 *
 * <p>Deterministic by sequence, not by chance: the n-th real-time entry of the day (n = 0, 1, 2 ...) is a MARKET
 * order exactly when ⌊(n+1)·p/100⌋ &gt; ⌊n·p/100⌋ for a market share of p percent. Any first n entries then hold
 * exactly ⌊n·p/100⌋ market orders, spread evenly (with p = 20: entries 4, 9, 14 ...), and a replay of the same
 * sequence of signals chooses the same types. The sequence number is the caller's explicit input (e.g. the day's
 * signal counter kept in workflow state).
 */
public final class OrderTypePolicy {

    private final int marketPercent;

    /** @param marketPercent share of entries sent as market orders, 0..100 */
    public OrderTypePolicy(int marketPercent) {
        if (marketPercent < 0 || marketPercent > 100) {
            throw new IllegalArgumentException("market order share must be 0..100 percent, got " + marketPercent);
        }
        this.marketPercent = marketPercent;
    }

    /** 80% limit, 20% market. */
    public static OrderTypePolicy standard() {
        return new OrderTypePolicy(20);
    }

    public int marketPercent() {
        return marketPercent;
    }

    /** The order type of the entry with this sequence number (≥ 0). */
    public OrderType typeFor(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        return marketOrdersAmongFirst(sequence + 1) > marketOrdersAmongFirst(sequence)
                ? OrderType.MARKET : OrderType.LIMIT;
    }

    /** How many of the first n entries are market orders: exactly ⌊n·p/100⌋. */
    public long marketOrdersAmongFirst(long n) {
        return Math.multiplyExact(n, (long) marketPercent) / 100;
    }
}
