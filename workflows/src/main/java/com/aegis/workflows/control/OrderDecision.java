package com.aegis.workflows.control;

import com.aegis.core.execution.SignalId;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;

/**
 * A buy or sell decision of the pre-open or real-time path, before any order exists. Its id is its signal id (the
 * {@code signal} table makes it unique), so a decision sent twice is recognised and an operator approves it by that
 * number ({@code aegis orders approve 42}).
 *
 * @param symbol   the stock
 * @param side     BUY or SELL
 * @param quantity shares, positive
 * @param price    the decision price in KRW (limit or reference price), positive
 * @param signalId the signal the decision was made for
 * @param score    the final score (0..100) behind the decision
 */
public record OrderDecision(Symbol symbol, Side side, long quantity, long price, SignalId signalId, double score) {

    /** The decision's id: its signal id as text. */
    public String id() {
        return signalId == null ? "" : signalId.toString();
    }
}
