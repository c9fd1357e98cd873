package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;

/**
 * A trade as the market data feed shows it (체결). In continuous trading one print per resting order met, with the
 * aggressor's side; an auction prints once with its whole volume and {@code aggressor} null.
 * {@code dayVolume}/{@code dayValue} are the stock's cumulative volume and traded value including this print.
 */
public record TradePrint(long sequence, Instant time, Symbol symbol, long tradeId, long price, long quantity,
                         Side aggressor, TradeKind kind, long dayVolume, long dayValue) implements ExchangeEvent {
}
