package com.aegis.workflows.batch;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Data collection (requirements D1–D4) on {@code aegis-batch}. Every method fetches one dataset for one KST date,
 * validates it (range checks, IQR fences and z-scores across the cross-section), quarantines what it rejects with the
 * reason, source and fetch time, writes the rest to PostgreSQL in bulk, and records the fetch (source used, attempts,
 * latency) for the M1 figures. Each is idempotent: a re-run for the same date replaces that date's rows.
 */
@ActivityInterface
public interface CollectionActivities {

    /** Daily bars of every listed stock (KRX, failing over to KIS), market caps, and the KOSPI/KOSDAQ index bars. */
    @ActivityMethod(name = "CollectDailyMarket")
    CollectionReport collectDailyMarket(CollectionRequest request);

    /**
     * OpenDART disclosures filed on the date and the financial statements of the periodic reports among them, cleaned
     * (units, consolidated before separate, restatements as new point-in-time rows, cumulative flows turned into
     * quarters, missing quarters reported). Invalidates the cached analytics of every stock with a new disclosure.
     */
    @ActivityMethod(name = "CollectDisclosures")
    CollectionReport collectDisclosures(CollectionRequest request);

    /** Global indices, FX and commodities from Yahoo; the last good value with a warning when Yahoo is down (D4). */
    @ActivityMethod(name = "CollectGlobalIndicators")
    CollectionReport collectGlobalIndicators(CollectionRequest request);

    /**
     * Tidies a collected day: every active listed stock must have a bar; a missing one is filled from the last good
     * close (volume 0, source {@code LAST_GOOD}) and recorded as replaced, so later stages never see holes.
     */
    @ActivityMethod(name = "TidyDailyMarket")
    CollectionReport tidyDailyMarket(CollectionRequest request);
}
