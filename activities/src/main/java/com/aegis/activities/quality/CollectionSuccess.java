package com.aegis.activities.quality;

/**
 * M1 collection success of one kind of fetch (e.g. DAILY_PRICE from KRX_DATA) over a window: fetches that got data
 * from any source, and how many of those needed a fallback.
 */
public record CollectionSuccess(String kind, String primarySource, long fetches, long succeeded, long fellBack) {

    /** Succeeded / fetches, 1.0 when nothing was fetched. M1 asks for at least 99.5 %. */
    public double successRate() {
        return fetches == 0 ? 1.0 : (double) succeeded / fetches;
    }
}
