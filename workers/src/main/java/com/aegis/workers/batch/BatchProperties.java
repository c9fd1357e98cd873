package com.aegis.workers.batch;

import com.aegis.core.screening.ScreenerCriteria;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Batch and scoring configuration.
 *
 * @param schedulesEnabled create or update the four batch schedules when the workers start
 *                         ({@code AEGIS_BATCH_SCHEDULES_ENABLED})
 * @param aiEnabled        whether the scheduled runs call the AI stage on {@code aegis-ai}; off until a GPU worker
 *                         serves it, which runs the documented degraded mode ({@code AEGIS_BATCH_AI_ENABLED})
 * @param screener         the A1 thresholds
 * @param cache            the analytics cache
 */
@ConfigurationProperties("aegis.batch")
public record BatchProperties(
        @DefaultValue("true") boolean schedulesEnabled,
        @DefaultValue("false") boolean aiEnabled,
        @DefaultValue Screener screener,
        @DefaultValue Cache cache) {

    /**
     * @param minAverageTradedValue average daily traded value must exceed this (KRW)
     * @param minMarketCap          market cap must exceed this (KRW)
     * @param averagingSessions     sessions averaged for the traded value
     * @param maxPassed             at most this many stocks pass, the most liquid first
     */
    public record Screener(
            @DefaultValue("1000000000") long minAverageTradedValue,
            @DefaultValue("50000000000") long minMarketCap,
            @DefaultValue("20") int averagingSessions,
            @DefaultValue("200") int maxPassed) {

        public ScreenerCriteria criteria() {
            return ScreenerCriteria.defaults().withMinAverageTradedValue(minAverageTradedValue)
                    .withMinMarketCap(minMarketCap).withAveragingSessions(averagingSessions).withMaxPassed(maxPassed);
        }
    }

    /**
     * @param schemaVersion bump to clear every cached entry of older versions (C2 invalidation by version)
     */
    public record Cache(@DefaultValue("1") int schemaVersion) {
    }
}
