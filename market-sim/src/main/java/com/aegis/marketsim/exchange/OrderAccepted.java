package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;

/** The order passed every check and entered the book (fills, if any, follow as separate events). */
public record OrderAccepted(long sequence, Instant time, Symbol symbol, ExchangeOrderId orderId,
                            ClientOrderKey clientKey, AccountId account, Side side, OrderType type, long price,
                            long quantity) implements ExchangeEvent, OrderResponse {
}
