package com.aegis.core.factors;

/** Against which peers a factor is standardised. */
public enum Neutralisation {
    /**
     * Within the stock's sector: valuation and profitability levels differ structurally between sectors (a bank's PBR
     * against a game developer's says nothing), so a stock is compared with its own industry.
     */
    SECTOR,
    /**
     * Against the whole market: momentum, risk and growth are meant as market-wide bets (a whole sector's rally is a
     * signal, not noise to remove).
     */
    MARKET
}
