package com.aegis.marketsim.exchange;

import com.aegis.core.market.Symbol;
import java.time.Instant;

/** The stock moved from {@code from} to {@code to}; {@code reason} says why in a few words. */
public record TradingStateChanged(long sequence, Instant time, Symbol symbol, TradingState from, TradingState to,
                                  String reason) implements ExchangeEvent {
}
