package com.aegis.core.portfolio;

import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.Order;
import com.aegis.core.execution.OrderEvent.OrderFilled;
import com.aegis.core.execution.TradeId;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One fill as the portfolio books it.
 *
 * @param tradeId    the broker's execution id (the idempotency key of the booking)
 * @param orderId    the order it filled
 * @param symbol     what was traded
 * @param market     where (the sell tax depends on it)
 * @param side       buy or sell
 * @param price      KRW per share
 * @param quantity   shares
 * @param tradeDate  KST trade date (the tax rate follows its settlement date)
 * @param occurredAt execution time
 */
public record Trade(TradeId tradeId, ClientOrderId orderId, Symbol symbol, Market market, Side side, long price,
        long quantity, LocalDate tradeDate, Instant occurredAt) {

    public Trade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(tradeDate, "tradeDate");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("trade " + tradeId + " needs a positive price and quantity, got "
                    + quantity + " shares at " + price + " KRW");
        }
    }

    /** The trade of one of an order's fills; the trade date is the fill's KST date. */
    public static Trade of(Order order, OrderFilled fill) {
        return new Trade(fill.tradeId(), order.clientOrderId(), order.command().symbol(), order.command().market(),
                order.command().side(), fill.price(), fill.quantity(),
                fill.occurredAt().atZone(KrxCalendar.KST).toLocalDate(), fill.occurredAt());
    }

    /** price × quantity, KRW. */
    public long notional() {
        return Math.multiplyExact(price, quantity);
    }
}
