package com.aegis.activities.sources;

import java.time.Instant;
import java.time.LocalDate;

/** One daily bar of a Yahoo chart; {@code date} is the session date in the exchange's time zone. */
public record ChartBar(LocalDate date, Instant timestamp, double open, double high, double low, double close,
                       double adjClose, long volume) {
}
