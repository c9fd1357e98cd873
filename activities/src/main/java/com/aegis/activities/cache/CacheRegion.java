package com.aegis.activities.cache;

import java.time.Duration;

/**
 * What is cached, with the time-to-live of requirement C1. Regions marked per-stock are deleted together when an
 * event (a disclosure, a market event) concerns that stock (C2).
 */
public enum CacheRegion {
    REALTIME_PRICE(Duration.ofSeconds(10), false),
    ORDER_BOOK(Duration.ofSeconds(5), false),
    STOCK_MASTER(Duration.ofHours(24), false),
    FACTOR_VALUES(Duration.ofHours(1), true),
    AI_PREDICTION(Duration.ofMinutes(30), true),
    FINAL_SCORE(Duration.ofMinutes(15), true);

    private final Duration ttl;
    private final boolean invalidatedByStockEvents;

    CacheRegion(Duration ttl, boolean invalidatedByStockEvents) {
        this.ttl = ttl;
        this.invalidatedByStockEvents = invalidatedByStockEvents;
    }

    public Duration ttl() {
        return ttl;
    }

    /** True for the analytics of one stock that a disclosure or market event about it makes stale. */
    public boolean invalidatedByStockEvents() {
        return invalidatedByStockEvents;
    }
}
