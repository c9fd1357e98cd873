package com.aegis.core.scoring;

/**
 * How quant and AI parts are blended (requirement A4: 40% quant, 60% AI).
 *
 * @param quant weight of the quant part, in [0, 1]
 * @param ai    weight of the AI part, in [0, 1]; quant + ai = 1
 */
public record FinalScoreWeights(double quant, double ai) {

    /** The weights of a degraded, quant-only score (requirement I2). */
    public static final FinalScoreWeights QUANT_ONLY = new FinalScoreWeights(1.0, 0.0);

    public FinalScoreWeights {
        if (!(quant >= 0 && quant <= 1 && ai >= 0 && ai <= 1) || Math.abs(quant + ai - 1) > 1e-9) {
            throw new IllegalArgumentException("quant and AI weights must be within [0, 1] and sum to 1, got "
                    + quant + " and " + ai);
        }
    }

    /** 0.4 quant + 0.6 AI. */
    public static FinalScoreWeights defaults() {
        return new FinalScoreWeights(0.4, 0.6);
    }
}
