package com.aegis.core.scoring;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The regime of one date as stored in {@code market_regime_daily}.
 *
 * @param date       the trading date classified
 * @param regime     the regime
 * @param confidence 0..1, how clearly the indicators point at it
 * @param indicators the inputs the classifier saw (close, moving averages, realised volatility and its rank)
 * @param method     name and version of the method, for audit
 */
public record RegimeReading(
        LocalDate date, MarketRegime regime, double confidence, Map<String, Double> indicators, String method) {

    public RegimeReading {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(regime, "regime");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("regime confidence must be within [0, 1], got " + confidence);
        }
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    }
}
