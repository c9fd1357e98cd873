package com.aegis.activities.kis.rest;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;

import java.util.Objects;

/** order-cash: buy or sell {@code quantity} shares; {@code price} in KRW for a limit order, 0 for a market order. */
public record KisCashOrder(Symbol symbol, Side side, KisOrderType type, long price, long quantity) {

    public KisCashOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, got " + quantity + " for " + symbol);
        }
        if (type == KisOrderType.LIMIT && price <= 0) {
            throw new IllegalArgumentException("a limit order needs a positive price, got " + price + " for " + symbol);
        }
        if (type == KisOrderType.MARKET) {
            price = 0L;
        }
    }

    public static KisCashOrder limit(Symbol symbol, Side side, long price, long quantity) {
        return new KisCashOrder(symbol, side, KisOrderType.LIMIT, price, quantity);
    }

    public static KisCashOrder market(Symbol symbol, Side side, long quantity) {
        return new KisCashOrder(symbol, side, KisOrderType.MARKET, 0L, quantity);
    }
}
