package com.aegis.activities.kis.ws;

/** One book level: price in KRW (0 when the level is empty) and the quantity resting there. */
public record QuoteLevel(long price, long quantity) {
}
