package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.util.Objects;

/**
 * Command: place an order. {@code price} is the limit price in KRW for {@link OrderType#LIMIT} and must be 0 for
 * {@link OrderType#MARKET}. Validation of tick, band, quantity and session happens at the exchange, which answers
 * with {@link OrderRejected} rather than an exception.
 */
public record NewOrder(ClientOrderKey clientKey, AccountId account, Symbol symbol, Side side, OrderType type,
                       long price, long quantity) {

    public NewOrder {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
    }

    public static NewOrder limit(ClientOrderKey key, AccountId account, Symbol symbol, Side side, long price, long qty) {
        return new NewOrder(key, account, symbol, side, OrderType.LIMIT, price, qty);
    }

    public static NewOrder market(ClientOrderKey key, AccountId account, Symbol symbol, Side side, long qty) {
        return new NewOrder(key, account, symbol, side, OrderType.MARKET, 0L, qty);
    }
}
