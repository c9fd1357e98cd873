package com.aegis.activities.sources;

import java.time.LocalDate;

/** Close of a global indicator (Yahoo symbol) on its session date. */
public record GlobalIndicatorValue(String symbol, LocalDate sessionDate, double close) {
}
