package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCategory;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.Neutralisation;

/**
 * One line of a score explanation: what one factor contributed to the quant score.
 *
 * @param factor              the factor
 * @param category            its category
 * @param raw                 the raw value, or missing with the reason
 * @param winsorised          the raw value after winsorising (NaN when missing)
 * @param zScore              the direction-adjusted z-score used (imputed when {@code imputed})
 * @param imputed             true when the raw value was missing and {@code zScore} imputed
 * @param standardisedAgainst sector or market peers
 * @param weight              the factor's effective weight in the quant score
 * @param contribution        weight × z-score: this factor's share of the quant score
 */
public record FactorContribution(
        Factor factor,
        FactorCategory category,
        FactorValue raw,
        double winsorised,
        double zScore,
        boolean imputed,
        Neutralisation standardisedAgainst,
        double weight,
        double contribution) {
}
