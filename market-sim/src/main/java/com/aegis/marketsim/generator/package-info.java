/**
 * Deterministic synthetic Korean stock market: a KRX-like universe (KOSPI, KOSDAQ, KONEX), daily bars on KRX trading
 * days that obey tick sizes and price limits, cap-weighted indices, quarterly fundamentals with publication dates,
 * DART-like disclosures, halts and designations, and global series, generated from a seed by a factor model with
 * planted, documented effects (see {@code market-sim/GENERATOR.md}).
 *
 * <p>The door of this package: {@link com.aegis.marketsim.generator.GeneratorConfig},
 * {@link com.aegis.marketsim.generator.MarketGenerator#generate}, the {@link com.aegis.marketsim.generator.MarketHistory}
 * it returns, {@link com.aegis.marketsim.generator.HistoryFiles} (CSV files with a checksummed manifest, and back) and
 * {@link com.aegis.marketsim.generator.PostgresHistoryLoader} (COPY into the AEGIS schema).
 */
package com.aegis.marketsim.generator;
