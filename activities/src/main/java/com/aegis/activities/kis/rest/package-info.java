/**
 * The production adapter for the KIS Open API REST service: credentials from the environment or a secret file,
 * live/paper domains and TR IDs, an access-token cache shared by threads and persisted across restarts, a fair
 * per-account call limiter, typed requests and responses for quotations, daily bars, orders, fills, balance and
 * buying power, and KIS error codes mapped to {@link com.aegis.activities.kis.rest.KisException} (retryable or not).
 *
 * <p>Door: {@link com.aegis.activities.kis.rest.KisRestClient}. The same code talks to the real service and to the
 * simulator in {@code com.aegis.marketsim.kis.rest}; only {@link com.aegis.activities.kis.rest.KisEnvironment}'s base
 * URL differs.
 */
package com.aegis.activities.kis.rest;
