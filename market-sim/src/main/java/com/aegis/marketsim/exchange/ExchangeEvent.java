package com.aegis.marketsim.exchange;

import com.aegis.core.market.Symbol;
import java.time.Instant;

/**
 * Everything the simulated exchange reports, as immutable records. {@code sequence} is a simulator-wide, gap-free
 * counter: listeners see events in sequence order.
 */
public sealed interface ExchangeEvent
        permits OrderAccepted, OrderRejected, OrderExecution, OrderModified, OrderCancelled, TradePrint,
        OrderBookChanged, TradingStateChanged, VolatilityInterruptionTriggered {

    long sequence();

    Instant time();

    Symbol symbol();
}
