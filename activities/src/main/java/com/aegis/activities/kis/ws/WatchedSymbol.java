package com.aegis.activities.kis.ws;

import java.util.Objects;

/** A watchlist entry: a KRX short code and how much it matters (higher first). */
public record WatchedSymbol(String symbol, int priority) {

    public WatchedSymbol {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.length() != 6 || !symbol.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a watched symbol is a 6-digit KRX short code, got '" + symbol + "'");
        }
    }
}
