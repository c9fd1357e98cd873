/**
 * Data collection as Temporal activities (requirements D1–D4):
 * {@link com.aegis.activities.collection.CollectionActivitiesImpl} fetches one dataset for one KST date through the
 * source clients (KRX data with KIS failover, OpenDART, Yahoo), validates it (ranges, consistency, Tukey fences and
 * z-scores across the cross-section; thresholds in {@link com.aegis.activities.collection.CollectionSettings}),
 * quarantines what it rejects, replaces the date's rows in PostgreSQL in one transaction and records every fetch for
 * the M1 health figures. DART statements are cleaned on the way in: consolidated before separate, cumulative flows
 * turned into single quarters, corrections stored as new point-in-time rows.
 */
package com.aegis.activities.collection;
