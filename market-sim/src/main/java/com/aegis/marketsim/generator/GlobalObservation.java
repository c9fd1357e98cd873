package com.aegis.marketsim.generator;

import java.time.LocalDate;

/**
 * Close of a global series on its home-market date (US sessions approximated by weekdays). A US close on D is
 * known in Seoul before the KRX session of the next Korean trading day after D.
 */
public record GlobalObservation(GlobalIndicator indicator, LocalDate date, double value) {
}
