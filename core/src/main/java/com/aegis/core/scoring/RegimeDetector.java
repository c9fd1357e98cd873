package com.aegis.core.scoring;

import com.aegis.core.factors.IndexHistory;
import com.aegis.core.validation.Statistics;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies the market regime of date D from the index's closes up to D:
 * <ol>
 *   <li>HIGH_VOLATILITY when the 20-session realised volatility (sample deviation of daily log returns × √252) ranks
 *       at or above the 90th percentile of its own last 252 readings (fraction of readings strictly below it) and
 *       is at least 20% annualised; confidence = that rank;</li>
 *   <li>otherwise BULL when close &gt; MA200 and MA50 &gt; MA200, BEAR when close &lt; MA200 and MA50 &lt; MA200;
 *       confidence = min(|close/MA200 − 1|, |MA50/MA200 − 1|) / 5%, capped at 1;</li>
 *   <li>otherwise SIDEWAYS (price and trend disagree); confidence = 1 − |close/MA200 − 1| / 5%, floored at 0.</li>
 * </ol>
 * Volatility comes first because a crash is better traded on the volatility weights than on a lagging trend signal.
 */
public final class RegimeDetector {

    /** Stored with every reading so a later change of method is visible in the history. */
    public static final String METHOD = "MA50/MA200 trend + 20d realised volatility rank over 252d, v1";

    private final RegimeSettings settings;

    public RegimeDetector(RegimeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static RegimeDetector withDefaults() {
        return new RegimeDetector(RegimeSettings.defaults());
    }

    /** The regime of {@code date}; needs at least {@code longMovingAverage} closes on or before it. */
    public RegimeReading detect(IndexHistory index, LocalDate date) {
        int t = index.lastIndexOnOrBefore(date);
        int needed = Math.max(settings.longMovingAverage(), settings.volatilityWindow() + 1);
        if (t + 1 < needed) {
            throw new InsufficientIndexHistoryException("regime of " + date + " needs " + needed + " closes of "
                    + index.name() + " on or before it, found " + (t + 1) + ": load more index history");
        }
        double close = index.levelAt(t);
        double shortMa = movingAverage(index, t, settings.shortMovingAverage());
        double longMa = movingAverage(index, t, settings.longMovingAverage());
        double volatility = realisedVolatility(index, t);
        int first = Math.max(settings.volatilityWindow(), t - settings.volatilityLookback() + 1);
        int below = 0;
        int readings = 0;
        for (int e = first; e <= t; e++) {
            readings++;
            if (realisedVolatility(index, e) < volatility) {
                below++;
            }
        }
        double rank = (double) below / readings;

        Map<String, Double> indicators = new LinkedHashMap<>();
        indicators.put("close", close);
        indicators.put("ma" + settings.shortMovingAverage(), shortMa);
        indicators.put("ma" + settings.longMovingAverage(), longMa);
        indicators.put("realisedVolatility", volatility);
        indicators.put("volatilityRank", rank);

        double priceGap = close / longMa - 1;
        double averageGap = shortMa / longMa - 1;
        MarketRegime regime;
        double confidence;
        if (rank >= settings.highVolatilityPercentile() && volatility >= settings.minHighVolatility()) {
            regime = MarketRegime.HIGH_VOLATILITY;
            confidence = rank;
        } else if (priceGap > 0 && averageGap > 0) {
            regime = MarketRegime.BULL;
            confidence = Math.min(1, Math.min(priceGap, averageGap) / settings.trendBand());
        } else if (priceGap < 0 && averageGap < 0) {
            regime = MarketRegime.BEAR;
            confidence = Math.min(1, Math.min(-priceGap, -averageGap) / settings.trendBand());
        } else {
            regime = MarketRegime.SIDEWAYS;
            confidence = Math.max(0, 1 - Math.abs(priceGap) / settings.trendBand());
        }
        return new RegimeReading(index.dateAt(t), regime, confidence, indicators, METHOD);
    }

    private static double movingAverage(IndexHistory index, int t, int sessions) {
        double sum = 0;
        for (int i = t - sessions + 1; i <= t; i++) {
            sum += index.levelAt(i);
        }
        return sum / sessions;
    }

    /** Annualised realised volatility of the {@code volatilityWindow} log returns ending at position {@code end}. */
    private double realisedVolatility(IndexHistory index, int end) {
        int n = settings.volatilityWindow();
        double[] returns = new double[n];
        for (int k = 0; k < n; k++) {
            int i = end - n + 1 + k;
            returns[k] = Math.log(index.levelAt(i) / index.levelAt(i - 1));
        }
        return Statistics.sampleStdDev(returns) * Math.sqrt(252);
    }
}
