package com.aegis.core.factors;

/**
 * The 12 factors of the quant model (requirement A2). Names, categories and directions match the
 * {@code factor_definition} table; {@link #lowerIsBetter()} factors have their z-score sign-flipped so that a higher
 * standardised value is always better.
 */
public enum Factor {
    PBR(FactorCategory.VALUE, true, Neutralisation.SECTOR),
    PER(FactorCategory.VALUE, true, Neutralisation.SECTOR),
    PCR(FactorCategory.VALUE, true, Neutralisation.SECTOR),
    ROE(FactorCategory.QUALITY, false, Neutralisation.SECTOR),
    OPERATING_MARGIN(FactorCategory.QUALITY, false, Neutralisation.SECTOR),
    DEBT_RATIO(FactorCategory.QUALITY, true, Neutralisation.SECTOR),
    MOMENTUM_3M(FactorCategory.MOMENTUM, false, Neutralisation.MARKET),
    MOMENTUM_12M(FactorCategory.MOMENTUM, false, Neutralisation.MARKET),
    BETA(FactorCategory.VOLATILITY, true, Neutralisation.MARKET),
    VOLATILITY(FactorCategory.VOLATILITY, true, Neutralisation.MARKET),
    REVENUE_GROWTH(FactorCategory.GROWTH, false, Neutralisation.MARKET),
    NET_INCOME_GROWTH(FactorCategory.GROWTH, false, Neutralisation.MARKET);

    private final FactorCategory category;
    private final boolean lowerIsBetter;
    private final Neutralisation neutralisation;

    Factor(FactorCategory category, boolean lowerIsBetter, Neutralisation neutralisation) {
        this.category = category;
        this.lowerIsBetter = lowerIsBetter;
        this.neutralisation = neutralisation;
    }

    public FactorCategory category() {
        return category;
    }

    /** True when a lower raw value is better (cheap, little debt, low risk). */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** Value and quality are compared within the sector; momentum, risk and growth across the market. */
    public Neutralisation neutralisation() {
        return neutralisation;
    }
}
