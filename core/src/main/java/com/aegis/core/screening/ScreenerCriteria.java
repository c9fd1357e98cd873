package com.aegis.core.screening;

/**
 * The screener's thresholds. Both money thresholds are strict, as the requirement writes "&gt;": a stock whose
 * average traded value is exactly 1,000,000,000 KRW, or whose market cap is exactly 50,000,000,000 KRW, is excluded.
 *
 * @param minAverageTradedValueExclusive average daily traded value must be greater than this (KRW)
 * @param averagingSessions              number of most recent sessions averaged (20 by default)
 * @param minMarketCapExclusive          market capitalisation must be greater than this (KRW)
 * @param excludeHalted                  leave out stocks whose trading is suspended
 * @param excludeAdministrative          leave out administrative-issue stocks
 */
public record ScreenerCriteria(
        long minAverageTradedValueExclusive,
        int averagingSessions,
        long minMarketCapExclusive,
        boolean excludeHalted,
        boolean excludeAdministrative) {

    /** 1 billion KRW. */
    public static final long ONE_BILLION_KRW = 1_000_000_000L;
    /** 50 billion KRW. */
    public static final long FIFTY_BILLION_KRW = 50_000_000_000L;

    public ScreenerCriteria {
        if (minAverageTradedValueExclusive < 0 || minMarketCapExclusive < 0) {
            throw new IllegalArgumentException("screener thresholds must be >= 0 KRW, got traded value "
                    + minAverageTradedValueExclusive + " and market cap " + minMarketCapExclusive);
        }
        if (averagingSessions < 1) {
            throw new IllegalArgumentException("averaging window must be at least 1 session, got " + averagingSessions);
        }
    }

    /** The design's values: 20-day average traded value &gt; 1 billion KRW, market cap &gt; 50 billion KRW, no halted
     *  or administrative-issue stocks. */
    public static ScreenerCriteria defaults() {
        return new ScreenerCriteria(ONE_BILLION_KRW, 20, FIFTY_BILLION_KRW, true, true);
    }

    public ScreenerCriteria withMinAverageTradedValue(long krw) {
        return new ScreenerCriteria(krw, averagingSessions, minMarketCapExclusive, excludeHalted,
                excludeAdministrative);
    }

    public ScreenerCriteria withAveragingSessions(int sessions) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, sessions, minMarketCapExclusive, excludeHalted,
                excludeAdministrative);
    }

    public ScreenerCriteria withMinMarketCap(long krw) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, krw, excludeHalted,
                excludeAdministrative);
    }

    public ScreenerCriteria withExcludeHalted(boolean exclude) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, minMarketCapExclusive, exclude,
                excludeAdministrative);
    }

    public ScreenerCriteria withExcludeAdministrative(boolean exclude) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, minMarketCapExclusive,
                excludeHalted, exclude);
    }
}
