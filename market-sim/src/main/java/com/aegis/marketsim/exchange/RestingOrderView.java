package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import java.time.Instant;

/**
 * A read-only copy of one order's state. {@code priority} orders the queue at a price (smaller is earlier; a price
 * change gives a new one). For a market order resting in continuous trading, {@code price} is its KRX deemed price.
 */
public record RestingOrderView(ExchangeOrderId orderId, ClientOrderKey clientKey, AccountId account, Side side,
                               OrderType type, long price, long originalQuantity, long leavesQuantity,
                               long filledQuantity, long priority, Instant acceptedAt, boolean open) {
}
