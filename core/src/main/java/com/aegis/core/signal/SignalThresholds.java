package com.aegis.core.signal;

import com.aegis.core.market.Side;
import java.util.Optional;

/**
 * Where a final score (0–100) becomes a trade (requirement E1): at or above {@code buyAtOrAbove} buy, at or below
 * {@code sellAtOrBelow} sell, in between nothing.
 *
 * @param buyAtOrAbove  75 by default
 * @param sellAtOrBelow 25 by default; must be below buyAtOrAbove
 */
public record SignalThresholds(double buyAtOrAbove, double sellAtOrBelow) {

    public SignalThresholds {
        if (!(sellAtOrBelow >= 0 && buyAtOrAbove <= 100 && sellAtOrBelow < buyAtOrAbove)) {
            throw new IllegalArgumentException("signal thresholds need 0 <= sell < buy <= 100, got sell at or below "
                    + sellAtOrBelow + ", buy at or above " + buyAtOrAbove);
        }
    }

    /** Buy at ≥ 75, sell at ≤ 25. */
    public static SignalThresholds defaults() {
        return new SignalThresholds(75.0, 25.0);
    }

    /**
     * The side a final score calls for, or empty for a neutral score.
     *
     * @throws IllegalArgumentException if the score is not a number in 0..100
     */
    public Optional<Side> sideFor(double finalScore) {
        if (!(finalScore >= 0 && finalScore <= 100)) {
            throw new IllegalArgumentException("final score must be within 0..100, got " + finalScore
                    + "; check the score normalisation");
        }
        if (finalScore >= buyAtOrAbove) {
            return Optional.of(Side.BUY);
        }
        if (finalScore <= sellAtOrBelow) {
            return Optional.of(Side.SELL);
        }
        return Optional.empty();
    }
}
