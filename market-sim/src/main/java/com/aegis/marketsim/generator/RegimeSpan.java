package com.aegis.marketsim.generator;

import java.time.LocalDate;

/** A run of trading days in one market regime (ground truth, inclusive dates). */
public record RegimeSpan(MarketRegime regime, LocalDate from, LocalDate to) {
}
