package com.aegis.workflows.orders;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SignalId;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A decision to trade, the input of {@link OrderLifecycleWorkflow}. Validated on construction, so a bad decision fails
 * at the caller and never reaches a worker.
 *
 * @param date          the KST trading date the decision is for
 * @param accountId     the trading account
 * @param symbol        KRX short code (6 digits)
 * @param market        where the symbol is listed (tax and tick rules)
 * @param side          buy or sell
 * @param type          LIMIT or MARKET
 * @param quantity      shares, at least 1
 * @param limitPrice    KRW per share for LIMIT, 0 for MARKET
 * @param decisionPrice the price at decision time, KRW; slippage is measured against it
 * @param signalId      the signal behind the decision (positive)
 * @param decidedAt     when the decision was taken; a review cancels once it is older than the policy's signal life
 * @param parentOrderId the execution-algorithm parent of a slice, or null
 * @param policy        timeouts, collar and re-price limit; null means {@link ExecutionPolicy#standard()}
 */
public record OrderDecision(LocalDate date, String accountId, String symbol, Market market, Side side, OrderType type,
        long quantity, long limitPrice, long decisionPrice, long signalId, Instant decidedAt, String parentOrderId,
        ExecutionPolicy policy) {

    public OrderDecision {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decidedAt, "decidedAt");
        AccountId.of(accountId);
        Symbol.of(symbol);
        SignalId.of(signalId);
        if (parentOrderId != null) {
            ClientOrderId.of(parentOrderId);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("decision for " + symbol + ": quantity must be at least 1, got "
                    + quantity);
        }
        if (type == OrderType.LIMIT ? limitPrice <= 0 : limitPrice != 0) {
            throw new IllegalArgumentException("decision for " + symbol + ": a " + type + " order needs "
                    + (type == OrderType.LIMIT ? "a positive limit price" : "limit price 0") + ", got " + limitPrice);
        }
        if (decisionPrice <= 0) {
            throw new IllegalArgumentException("decision for " + symbol + ": decision price must be positive, got "
                    + decisionPrice);
        }
        policy = policy == null ? ExecutionPolicy.standard() : policy;
    }

    /** A limit order decision with the standard policy and no parent. */
    public static OrderDecision limit(LocalDate date, String accountId, String symbol, Market market, Side side,
            long quantity, long limitPrice, long decisionPrice, long signalId, Instant decidedAt) {
        return new OrderDecision(date, accountId, symbol, market, side, OrderType.LIMIT, quantity, limitPrice,
                decisionPrice, signalId, decidedAt, null, null);
    }

    /** A market order decision with the standard policy and no parent. */
    public static OrderDecision market(LocalDate date, String accountId, String symbol, Market market, Side side,
            long quantity, long decisionPrice, long signalId, Instant decidedAt) {
        return new OrderDecision(date, accountId, symbol, market, side, OrderType.MARKET, quantity, 0, decisionPrice,
                signalId, decidedAt, null, null);
    }

    /** The workflow ID of this decision's order; see {@link OrderLifecycleWorkflow#workflowId}. */
    public String workflowId() {
        return OrderLifecycleWorkflow.workflowId(date, Symbol.of(symbol), side, SignalId.of(signalId));
    }
}
