/**
 * Production adapters for the market-data and disclosure providers: KRX market data as pykrx reads it
 * ({@link com.aegis.activities.sources.KrxDataClient}), OpenDART with per-key daily quota tracking
 * ({@link com.aegis.activities.sources.OpenDartClient}) and the Yahoo Finance chart API
 * ({@link com.aegis.activities.sources.YahooChartClient}), each with timeouts, at most three retries with backoff and
 * typed errors ({@link com.aegis.activities.sources.SourceException}); the KIS daily price as the alternate
 * daily-price source ({@link com.aegis.activities.sources.KisDailyPriceSource}, one call per stock through the
 * rate-limited KIS client); and source failover ({@link com.aegis.activities.sources.FailoverFetcher}) that reports
 * what it used as a {@link com.aegis.activities.sources.FetchRecord}, one row of {@code source_fetch}.
 */
package com.aegis.activities.sources;
