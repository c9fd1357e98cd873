package com.aegis.marketsim.exchange;

import com.aegis.core.market.Symbol;
import java.time.Instant;

/** The top 10 levels on either side changed; {@code book} is the new picture. */
public record OrderBookChanged(long sequence, Instant time, Symbol symbol, BookSnapshot book)
        implements ExchangeEvent {
}
