package com.aegis.core.scoring;

/** The final score's advice; names match {@code score_daily.recommendation}. */
public enum Recommendation {
    BUY,
    NEUTRAL,
    SELL;

    /** A final score at or above this is a buy (requirement E1: ≥ 75). */
    public static final double BUY_AT_OR_ABOVE = 75.0;
    /** A final score at or below this is a sell (requirement E1: ≤ 25). */
    public static final double SELL_AT_OR_BELOW = 25.0;

    /** BUY for ≥ 75, SELL for ≤ 25, NEUTRAL in between. */
    public static Recommendation of(double finalScore) {
        if (!(finalScore >= 0 && finalScore <= 100)) {
            throw new IllegalArgumentException("final score must be within [0, 100], got " + finalScore);
        }
        if (finalScore >= BUY_AT_OR_ABOVE) {
            return BUY;
        }
        return finalScore <= SELL_AT_OR_BELOW ? SELL : NEUTRAL;
    }
}
