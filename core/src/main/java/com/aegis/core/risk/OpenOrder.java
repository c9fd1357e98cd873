package com.aegis.core.risk;

import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.Order;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.util.Objects;

/**
 * An order that is still open, as far as the risk check cares: it blocks a duplicate and reserves cash or shares.
 *
 * @param clientOrderId    the order
 * @param symbol           the stock
 * @param side             buy or sell
 * @param leavesQuantity   shares still open
 * @param reservationPrice KRW per share the order may still spend: the limit price, or for a market buy the day's
 *                         upper limit (what the broker holds back)
 */
public record OpenOrder(ClientOrderId clientOrderId, Symbol symbol, Side side, long leavesQuantity,
        long reservationPrice) {

    public OpenOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (leavesQuantity < 0 || reservationPrice <= 0) {
            throw new IllegalArgumentException("open order " + clientOrderId + " needs leaves >= 0 and a positive"
                    + " reservation price, got " + leavesQuantity + " at " + reservationPrice);
        }
    }

    /** The open part of an order; a market order reserves at {@code marketOrderPrice} per share. */
    public static OpenOrder of(Order order, long marketOrderPrice) {
        long price = order.command().type() == OrderType.LIMIT ? order.limitPrice() : marketOrderPrice;
        return new OpenOrder(order.clientOrderId(), order.command().symbol(), order.command().side(),
                order.leavesQuantity(), price);
    }

    /** leaves × reservation price, KRW. */
    public long reservedNotional() {
        return Math.multiplyExact(leavesQuantity, reservationPrice);
    }
}
