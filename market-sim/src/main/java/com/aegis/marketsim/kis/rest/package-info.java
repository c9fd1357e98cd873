/**
 * A wire-compatible simulation of the KIS Open API REST service (live and paper-trading domains): OAuth token,
 * revoke and WebSocket approval-key endpoints, quotations, daily bars (inquire-daily-itemchartprice), cash orders,
 * modify/cancel, daily fills, balance and buying power, with KIS's envelopes, headers, TR IDs, paging, per-app-key
 * rate limit and error codes.
 *
 * <p>Door: {@link com.aegis.marketsim.kis.rest.KisRestSimulator} (the server) backed by a
 * {@link com.aegis.marketsim.kis.rest.KisVenue} ({@link com.aegis.marketsim.kis.rest.InMemoryKisVenue} for tests,
 * {@link com.aegis.marketsim.kis.rest.ExchangeKisVenue} for the matching engine), faults per request from a
 * {@link com.aegis.marketsim.kis.rest.KisFaultPolicy}.
 */
package com.aegis.marketsim.kis.rest;
