package com.aegis.core.execution;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to place a new order; it becomes an {@link OrderInitialized} event and then passes the risk check.
 *
 * @param clientOrderId  our id of the order
 * @param accountId      the account that trades
 * @param symbol         what is traded
 * @param market         where it is listed (taxes and price limits depend on it)
 * @param side           buy or sell
 * @param type           limit or market
 * @param quantity       shares, at least 1
 * @param limitPrice     KRW per share for a LIMIT order (positive); 0 for a MARKET order, which carries no price
 * @param decisionPrice  the price when the decision was taken (KRW, positive); slippage is measured against it
 * @param signalId       the signal that caused the order, if any
 * @param parentOrderId  the VWAP/TWAP parent order of a slice, if any
 * @param createdAt      when the order was created; the session check uses this time, never the wall clock
 */
public record SubmitOrder(
        ClientOrderId clientOrderId,
        AccountId accountId,
        Symbol symbol,
        Market market,
        Side side,
        OrderType type,
        long quantity,
        long limitPrice,
        long decisionPrice,
        Optional<SignalId> signalId,
        Optional<ClientOrderId> parentOrderId,
        Instant createdAt) {

    public SubmitOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signalId, "signalId (use Optional.empty())");
        Objects.requireNonNull(parentOrderId, "parentOrderId (use Optional.empty())");
        Objects.requireNonNull(createdAt, "createdAt");
        if (quantity <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be at least 1 share, got "
                    + quantity);
        }
        if (type == OrderType.LIMIT && limitPrice <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a LIMIT order needs a positive limit"
                    + " price, got " + limitPrice);
        }
        if (type == OrderType.MARKET && limitPrice != 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a MARKET order carries no limit price;"
                    + " pass 0, got " + limitPrice);
        }
        if (decisionPrice <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": decision price must be positive, got "
                    + decisionPrice);
        }
        if (parentOrderId.filter(clientOrderId::equals).isPresent()) {
            throw new IllegalArgumentException("order " + clientOrderId + " cannot be its own parent");
        }
    }

    /** A limit order without signal or parent. */
    public static SubmitOrder limit(ClientOrderId id, AccountId account, Symbol symbol, Market market, Side side,
            long quantity, long limitPrice, long decisionPrice, Instant createdAt) {
        return new SubmitOrder(id, account, symbol, market, side, OrderType.LIMIT, quantity, limitPrice,
                decisionPrice, Optional.empty(), Optional.empty(), createdAt);
    }

    /** A market order without signal or parent. */
    public static SubmitOrder market(ClientOrderId id, AccountId account, Symbol symbol, Market market, Side side,
            long quantity, long decisionPrice, Instant createdAt) {
        return new SubmitOrder(id, account, symbol, market, side, OrderType.MARKET, quantity, 0, decisionPrice,
                Optional.empty(), Optional.empty(), createdAt);
    }

    /** The same order with another quantity (used when a child slice is cut from a parent). */
    public SubmitOrder withQuantity(long newQuantity) {
        return new SubmitOrder(clientOrderId, accountId, symbol, market, side, type, newQuantity, limitPrice,
                decisionPrice, signalId, parentOrderId, createdAt);
    }
}
