package com.aegis.marketsim.exchange;

import com.aegis.core.krx.ViType;
import com.aegis.core.market.Symbol;
import java.time.Instant;

/**
 * A volatility interruption (변동성완화장치) fired: a trade at {@code triggerPrice} would have moved too far from
 * {@code referencePrice} (the last auction price for a static VI, the last trade for a dynamic one), so continuous
 * trading stops and a single-price auction runs until {@code auctionEndsAt}. Also sent when an opening or closing
 * auction is extended because its price would trigger a VI.
 */
public record VolatilityInterruptionTriggered(long sequence, Instant time, Symbol symbol, ViType type,
                                              long referencePrice, long triggerPrice, int thresholdBasisPoints,
                                              Instant auctionEndsAt) implements ExchangeEvent {
}
