package com.aegis.activities.sources;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * KRX per-share indicators of one stock on a day: EPS, BPS and DPS in KRW, PER and PBR as multiples, dividend yield
 * in percent. Empty where KRX shows "-" (e.g. PER of a loss-making company).
 */
public record StockFundamentals(Symbol symbol, String name, LocalDate tradeDate, long close, OptionalLong eps,
                                OptionalDouble per, OptionalLong bps, OptionalDouble pbr, OptionalLong dps,
                                OptionalDouble dividendYield) {
}
