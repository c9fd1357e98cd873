package com.aegis.workflows.control;

import com.aegis.core.market.Symbol;

/** Shares of one stock held by the account. */
public record Holding(Symbol symbol, long quantity) {
}
