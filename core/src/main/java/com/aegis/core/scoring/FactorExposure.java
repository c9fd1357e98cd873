package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.Neutralisation;
import java.util.Objects;

/**
 * One factor of one stock after cross-sectional processing.
 *
 * @param factor         the factor
 * @param raw            the raw value as computed (may be missing)
 * @param winsorised     the raw value after winsorising; NaN when missing
 * @param zScore         the standardised value, sign-flipped for lower-is-better factors so higher is always better;
 *                       for a missing value, the imputed z-score
 * @param imputed        true when {@code zScore} was imputed because the raw value is missing
 * @param standardisedAgainst the peers actually used: {@link Neutralisation#SECTOR} or, for market-wide factors and
 *                       sectors too small to stand alone, {@link Neutralisation#MARKET}
 */
public record FactorExposure(
        Factor factor,
        FactorValue raw,
        double winsorised,
        double zScore,
        boolean imputed,
        Neutralisation standardisedAgainst) {

    public FactorExposure {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(standardisedAgainst, "standardisedAgainst");
        if (!Double.isFinite(zScore)) {
            throw new IllegalArgumentException(factor + " z-score must be finite, got " + zScore);
        }
    }
}
