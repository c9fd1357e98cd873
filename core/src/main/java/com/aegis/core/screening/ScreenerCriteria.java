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
 * @param maxPassed                      at most this many stocks pass (A1's output of 150–200): when more pass every
 *                                       rule, the most liquid by average traded value are kept and the rest are
 *                                       excluded as {@link ExclusionReason#BELOW_LIQUIDITY_RANK}
 */
public record ScreenerCriteria(
        long minAverageTradedValueExclusive,
        int averagingSessions,
        long minMarketCapExclusive,
        boolean excludeHalted,
        boolean excludeAdministrative,
        int maxPassed) {

    /** A1's upper bound on the screener's output. */
    public static final int DEFAULT_MAX_PASSED = 200;
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
        if (maxPassed < 1) {
            throw new IllegalArgumentException("the screener must be allowed to pass at least 1 stock, got " + maxPassed);
        }
    }

    /** The design's values: 20-day average traded value &gt; 1 billion KRW, market cap &gt; 50 billion KRW, no halted
     *  or administrative-issue stocks, at most the 200 most liquid of those. */
    public static ScreenerCriteria defaults() {
        return new ScreenerCriteria(ONE_BILLION_KRW, 20, FIFTY_BILLION_KRW, true, true, DEFAULT_MAX_PASSED);
    }

    public ScreenerCriteria withMaxPassed(int max) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, minMarketCapExclusive,
                excludeHalted, excludeAdministrative, max);
    }

    public ScreenerCriteria withMinAverageTradedValue(long krw) {
        return new ScreenerCriteria(krw, averagingSessions, minMarketCapExclusive, excludeHalted,
                excludeAdministrative, maxPassed);
    }

    public ScreenerCriteria withAveragingSessions(int sessions) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, sessions, minMarketCapExclusive, excludeHalted,
                excludeAdministrative, maxPassed);
    }

    public ScreenerCriteria withMinMarketCap(long krw) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, krw, excludeHalted,
                excludeAdministrative, maxPassed);
    }

    public ScreenerCriteria withExcludeHalted(boolean exclude) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, minMarketCapExclusive, exclude,
                excludeAdministrative, maxPassed);
    }

    public ScreenerCriteria withExcludeAdministrative(boolean exclude) {
        return new ScreenerCriteria(minAverageTradedValueExclusive, averagingSessions, minMarketCapExclusive,
                excludeHalted, exclude, maxPassed);
    }
}
