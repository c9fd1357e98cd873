package com.aegis.activities.kis.rest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of 국내주식기간별시세 (FHKST03010100 output2): prices and traded value in KRW, volume in shares,
 * {@code change} against the previous close. A halted day has volume 0.
 */
public record KisDailyBar(LocalDate date, long open, long high, long low, long close, long volume, long tradedValue,
                          long change) {
    public KisDailyBar {
        Objects.requireNonNull(date, "date");
    }

    public boolean traded() {
        return volume > 0;
    }
}
