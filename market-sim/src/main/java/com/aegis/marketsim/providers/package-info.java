/**
 * Wire-compatible simulated market-data and disclosure providers over a generated market: KRX market data as pykrx
 * reads it ({@link com.aegis.marketsim.providers.KrxDataSimulator}), OpenDART
 * ({@link com.aegis.marketsim.providers.OpenDartSimulator}) and the Yahoo Finance v8 chart API
 * ({@link com.aegis.marketsim.providers.YahooChartSimulator}). Each is a localhost HTTP server that applies a
 * {@link com.aegis.marketsim.fault.FaultPlan} decision to every request and serves only what was public at the
 * simulated time of its clock. The data comes through the small read interface
 * {@link com.aegis.marketsim.providers.ProviderData}.
 */
package com.aegis.marketsim.providers;
