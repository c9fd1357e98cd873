package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import java.time.Instant;

/** Mutable state of one order inside a book; an intrusive FIFO node of its price level (O(1) cancel). */
final class RestingOrder {
    final ExchangeOrderId id;
    final ClientOrderKey clientKey;
    final AccountId account;
    final Side side;
    final boolean chargeCosts;
    final long originalQuantity;
    final Instant acceptedAt;
    boolean market;
    long price;
    long leaves;
    long filled;
    long priority;
    boolean open = true;

    PriceLevel level;
    RestingOrder prev;
    RestingOrder next;

    RestingOrder(ExchangeOrderId id, ClientOrderKey clientKey, AccountId account, Side side, boolean market,
                 long price, long quantity, boolean chargeCosts, Instant acceptedAt) {
        this.id = id;
        this.clientKey = clientKey;
        this.account = account;
        this.side = side;
        this.market = market;
        this.price = price;
        this.originalQuantity = quantity;
        this.leaves = quantity;
        this.chargeCosts = chargeCosts;
        this.acceptedAt = acceptedAt;
    }

    RestingOrderView view() {
        return new RestingOrderView(id, clientKey, account, side, market ? OrderType.MARKET : OrderType.LIMIT, price,
                originalQuantity, leaves, filled, priority, acceptedAt, open);
    }
}
