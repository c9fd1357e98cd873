/**
 * Parts of {@link com.aegis.benchmarks.OrderExecutionHarness}: the order path wired outside Spring against the
 * simulated KRX exchange, the broker decorator that timestamps acceptances, latency percentiles and the simulated
 * day's execution-quality figures read back from the stored reports.
 */
package com.aegis.benchmarks.orders;
