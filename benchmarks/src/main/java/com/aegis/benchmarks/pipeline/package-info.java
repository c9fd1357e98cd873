/**
 * Parts of {@link com.aegis.benchmarks.ScoringPipelineHarness}: the empty workflow of its Temporal baseline, the
 * simulated clock and the simulated trading day of its cache measurement, and the summaries it prints.
 */
package com.aegis.benchmarks.pipeline;
