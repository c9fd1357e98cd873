package com.aegis.activities.kis.rest;

import com.aegis.core.market.Symbol;

/** inquire-price (FHKST01010100): the current quotation of a stock, prices in KRW. */
public record KisPriceQuote(Symbol symbol, long price, long change, long open, long high, long low,
                            long previousClose, long upperLimit, long lowerLimit, long accumulatedVolume,
                            long accumulatedValue, long tickSize) {
}
