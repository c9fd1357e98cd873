package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;

/**
 * The order now rests at {@code newPrice} with {@code newLeavesQuantity} open; {@code priorityKept} is false when the
 * price changed (the order went to the back of the queue at its new price).
 */
public record OrderModified(long sequence, Instant time, Symbol symbol, ExchangeOrderId orderId,
                            ClientOrderKey clientKey, AccountId account, Side side, long oldPrice, long newPrice,
                            long oldLeavesQuantity, long newLeavesQuantity, boolean priorityKept)
        implements ExchangeEvent, ModifyResponse {
}
