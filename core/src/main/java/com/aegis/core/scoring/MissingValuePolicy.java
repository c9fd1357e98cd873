package com.aegis.core.scoring;

/** What z-score a stock gets for a factor it has no value for. Either way the exposure is flagged as imputed. */
public enum MissingValuePolicy {
    /**
     * The median standardised value of the stock's sector (0 when no stock in the sector has the factor): the stock is
     * assumed typical of its industry, which keeps a loss maker in a loss-making sector from looking unusually bad.
     */
    SECTOR_MEDIAN,
    /** 0: the stock is assumed exactly average for the market. */
    NEUTRAL_ZERO
}
