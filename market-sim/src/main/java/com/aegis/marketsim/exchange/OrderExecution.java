package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import java.time.Instant;

/**
 * One fill of one order. {@code commission} and {@code tax} are the account's costs for this fill (zero for the
 * simulated crowd); {@code leavesQuantity} is what is still open after it.
 */
public sealed interface OrderExecution extends ExchangeEvent permits OrderPartiallyFilled, OrderFilled {

    ExchangeOrderId orderId();

    ClientOrderKey clientKey();

    AccountId account();

    Side side();

    long tradeId();

    long fillPrice();

    long fillQuantity();

    long cumulativeQuantity();

    long leavesQuantity();

    long commission();

    long tax();

    Instant time();
}
