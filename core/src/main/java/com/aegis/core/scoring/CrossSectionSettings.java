package com.aegis.core.scoring;

import java.util.Objects;

/**
 * How raw factor values become comparable z-scores.
 *
 * @param winsorizer    applied to each factor's whole cross-section before standardising
 * @param missingValues what a missing factor becomes
 * @param minSectorSize a sector-neutral factor is standardised within the sector only when the sector has at least
 *                      this many values; smaller sectors use the market-wide mean and deviation (a z-score of two
 *                      stocks is always ±1 and says nothing)
 */
public record CrossSectionSettings(Winsorizer winsorizer, MissingValuePolicy missingValues, int minSectorSize) {

    public CrossSectionSettings {
        Objects.requireNonNull(winsorizer, "winsorizer");
        Objects.requireNonNull(missingValues, "missingValues");
        if (minSectorSize < 2) {
            throw new IllegalArgumentException("a sector needs at least 2 stocks to be standardised, got "
                    + minSectorSize);
        }
    }

    /** 1%/99% winsorising, sector-median imputation, sectors of at least 5 stocks. */
    public static CrossSectionSettings defaults() {
        return new CrossSectionSettings(Winsorizer.defaults(), MissingValuePolicy.SECTOR_MEDIAN, 5);
    }
}
