/**
 * Positions, cash and equity of an account: {@link com.aegis.core.portfolio.Position} (exact whole-KRW cost basis,
 * realised P&amp;L net of commission and tax, unrealised P&amp;L at a mark),
 * {@link com.aegis.core.portfolio.CashLedger} (signed entries with a running balance, idempotent by reference) and {@link com.aegis.core.portfolio.Portfolio}
 * (books fills once, equity at marks, daily P&amp;L against the start-of-day equity). Costs per K5 via
 * {@link com.aegis.core.krx.TradingCosts}.
 */
package com.aegis.core.portfolio;
