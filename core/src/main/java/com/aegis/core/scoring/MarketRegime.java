package com.aegis.core.scoring;

/** The market state that selects the factor weights; names match {@code market_regime_daily.regime}. */
public enum MarketRegime {
    BULL,
    BEAR,
    SIDEWAYS,
    HIGH_VOLATILITY
}
