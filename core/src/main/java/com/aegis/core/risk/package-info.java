/**
 * Pre-trade risk (requirements E2, E3, I3): {@link com.aegis.core.risk.RiskCheck#evaluate} is a pure function of
 * the order, a {@link com.aegis.core.risk.PortfolioView}, a {@link com.aegis.core.risk.MarketView} and the
 * {@link com.aegis.core.risk.RiskLimits}, returning a {@link com.aegis.core.risk.RiskDecision}; the account's
 * {@link com.aegis.core.risk.TradingState} (ACTIVE / REDUCING / HALTED) gates what may go out.
 */
package com.aegis.core.risk;
