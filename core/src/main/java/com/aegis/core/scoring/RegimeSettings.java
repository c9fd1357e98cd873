package com.aegis.core.scoring;

/**
 * Parameters of the regime detector.
 *
 * @param shortMovingAverage          sessions of the short moving average (50)
 * @param longMovingAverage           sessions of the long moving average (200)
 * @param volatilityWindow            sessions of daily log returns in the realised volatility (20)
 * @param volatilityLookback          how many past realised-volatility readings the current one is ranked among (252)
 * @param highVolatilityPercentile    rank at or above which the market is highly volatile (0.90)
 * @param minHighVolatility           ... provided the annualised volatility is also at least this (0.20): a calm
 *                                    year's "highest" volatility is not a volatile market
 * @param trendBand                   relative distance from the long average at which trend confidence reaches 1 (0.05)
 */
public record RegimeSettings(
        int shortMovingAverage,
        int longMovingAverage,
        int volatilityWindow,
        int volatilityLookback,
        double highVolatilityPercentile,
        double minHighVolatility,
        double trendBand) {

    public RegimeSettings {
        if (shortMovingAverage < 1 || longMovingAverage <= shortMovingAverage || volatilityWindow < 2
                || volatilityLookback < 1 || !(highVolatilityPercentile > 0 && highVolatilityPercentile <= 1)
                || !(minHighVolatility >= 0) || !(trendBand > 0)) {
            throw new IllegalArgumentException("inconsistent regime settings: " + shortMovingAverage + "/"
                    + longMovingAverage + "/" + volatilityWindow + "/" + volatilityLookback + "/"
                    + highVolatilityPercentile + "/" + minHighVolatility + "/" + trendBand
                    + " (need short < long average, window >= 2, percentile in (0, 1], band > 0)");
        }
    }

    public static RegimeSettings defaults() {
        return new RegimeSettings(50, 200, 20, 252, 0.90, 0.20, 0.05);
    }
}
