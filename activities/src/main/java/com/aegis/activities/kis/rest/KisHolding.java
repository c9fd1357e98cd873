package com.aegis.activities.kis.rest;

import com.aegis.core.market.Symbol;

/** One position of inquire-balance: shares held, of which orderable, and its value in KRW. */
public record KisHolding(Symbol symbol, String name, long quantity, long orderableQuantity, long averagePrice,
                         long purchaseAmount, long currentPrice, long evaluationAmount, long profitLoss) {
}
