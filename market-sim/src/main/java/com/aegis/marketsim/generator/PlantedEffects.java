package com.aegis.marketsim.generator;

/**
 * Strengths of the return effects the generator plants in the synthetic market, so that factor and AI models have
 * something real to find. Every field is documented in {@code market-sim/GENERATOR.md} with the term it adds to the
 * daily log-return equation. A strength of zero switches that effect off.
 *
 * @param momentumPerMonth    extra log return per month per unit of the cross-sectional 12-1 month momentum score
 * @param valuePerMonth       extra log return per month per unit of the value score (high book/price and earnings/price)
 * @param qualityPerMonth     extra log return per month per unit of the quality score (high ROE, low debt ratio)
 * @param sectorComovement    loading multiplier on the sector factor (1 = sector factor at full strength, 0 = none)
 * @param disclosureDrift     multiplier on the price reaction to disclosures (jump plus post-filing drift)
 * @param globalLead          correlation of the Korean market shock with the previous US session's S&P 500 shock
 * @param regimeSwitching     whether the market drift and volatility follow the bull/bear/sideways Markov chain
 * @param volatilityClustering whether market and stock volatility follow GARCH(1,1) instead of staying constant
 * @param distressDrift       extra daily log return of stocks under an administrative designation before delisting
 */
public record PlantedEffects(
        double momentumPerMonth,
        double valuePerMonth,
        double qualityPerMonth,
        double sectorComovement,
        double disclosureDrift,
        double globalLead,
        boolean regimeSwitching,
        boolean volatilityClustering,
        double distressDrift) {

    public PlantedEffects {
        requireFinite("momentumPerMonth", momentumPerMonth, -0.1, 0.1);
        requireFinite("valuePerMonth", valuePerMonth, -0.1, 0.1);
        requireFinite("qualityPerMonth", qualityPerMonth, -0.1, 0.1);
        requireFinite("sectorComovement", sectorComovement, 0, 3);
        requireFinite("disclosureDrift", disclosureDrift, 0, 5);
        requireFinite("globalLead", globalLead, 0, 0.9);
        requireFinite("distressDrift", distressDrift, -0.05, 0);
    }

    /** The default strengths: each effect is visible in three years of data, none dominates the noise. */
    public static PlantedEffects defaults() {
        return new PlantedEffects(0.006, 0.003, 0.003, 1.0, 1.0, 0.35, true, true, -0.004);
    }

    /** No effect at all: returns are independent of everything observable before them. */
    public static PlantedEffects none() {
        return new PlantedEffects(0, 0, 0, 0, 0, 0, false, false, 0);
    }

    public PlantedEffects withMomentumPerMonth(double v) {
        return new PlantedEffects(v, valuePerMonth, qualityPerMonth, sectorComovement, disclosureDrift, globalLead,
                regimeSwitching, volatilityClustering, distressDrift);
    }

    public PlantedEffects withValuePerMonth(double v) {
        return new PlantedEffects(momentumPerMonth, v, qualityPerMonth, sectorComovement, disclosureDrift, globalLead,
                regimeSwitching, volatilityClustering, distressDrift);
    }

    public PlantedEffects withQualityPerMonth(double v) {
        return new PlantedEffects(momentumPerMonth, valuePerMonth, v, sectorComovement, disclosureDrift, globalLead,
                regimeSwitching, volatilityClustering, distressDrift);
    }

    public PlantedEffects withSectorComovement(double v) {
        return new PlantedEffects(momentumPerMonth, valuePerMonth, qualityPerMonth, v, disclosureDrift, globalLead,
                regimeSwitching, volatilityClustering, distressDrift);
    }

    public PlantedEffects withDisclosureDrift(double v) {
        return new PlantedEffects(momentumPerMonth, valuePerMonth, qualityPerMonth, sectorComovement, v, globalLead,
                regimeSwitching, volatilityClustering, distressDrift);
    }

    public PlantedEffects withGlobalLead(double v) {
        return new PlantedEffects(momentumPerMonth, valuePerMonth, qualityPerMonth, sectorComovement, disclosureDrift, v,
                regimeSwitching, volatilityClustering, distressDrift);
    }

    private static void requireFinite(String name, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException("planted effect " + name + " must be within [" + min + ", " + max
                    + "], got " + value);
        }
    }
}
