package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;

/** The order's last fill: nothing remains open. */
public record OrderFilled(long sequence, Instant time, Symbol symbol, ExchangeOrderId orderId, ClientOrderKey clientKey,
                 AccountId account, Side side, long tradeId, long fillPrice, long fillQuantity,
                 long cumulativeQuantity, long leavesQuantity, long commission, long tax) implements OrderExecution {
}
