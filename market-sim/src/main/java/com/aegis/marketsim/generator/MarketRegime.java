package com.aegis.marketsim.generator;

/** State of the market-wide Markov chain: drift and volatility multiplier of the market factor. */
public enum MarketRegime {
    BULL(0.0007, 0.85),
    SIDEWAYS(0.0000, 1.0),
    BEAR(-0.0010, 1.45);

    private final double dailyDrift;
    private final double volatilityMultiplier;

    MarketRegime(double dailyDrift, double volatilityMultiplier) {
        this.dailyDrift = dailyDrift;
        this.volatilityMultiplier = volatilityMultiplier;
    }

    /** Daily log drift of the market factor in this regime. */
    public double dailyDrift() {
        return dailyDrift;
    }

    public double volatilityMultiplier() {
        return volatilityMultiplier;
    }
}
