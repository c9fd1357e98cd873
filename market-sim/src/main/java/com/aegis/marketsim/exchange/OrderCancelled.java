package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;

/** The order's open quantity ({@code cancelledQuantity}) left the book; the order is finished. */
public record OrderCancelled(long sequence, Instant time, Symbol symbol, ExchangeOrderId orderId,
                             ClientOrderKey clientKey, AccountId account, Side side, long price,
                             long cancelledQuantity, long filledQuantity, CancelReason reason)
        implements ExchangeEvent, CancelResponse {
}
