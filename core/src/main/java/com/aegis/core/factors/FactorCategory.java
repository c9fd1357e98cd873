package com.aegis.core.factors;

/** The five factor categories of the quant model; names match {@code factor_definition.category}. */
public enum FactorCategory {
    VALUE,
    QUALITY,
    MOMENTUM,
    VOLATILITY,
    GROWTH
}
