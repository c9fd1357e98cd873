package com.aegis.core.factors;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Daily closing levels of a market index (KOSPI, KOSDAQ), oldest first; the benchmark for beta and the input of the
 * regime detector. Index levels carry decimals, so they are doubles rather than KRW.
 */
public final class IndexHistory {

    private final String name;
    private final LocalDate[] dates;
    private final double[] levels;

    private IndexHistory(String name, LocalDate[] dates, double[] levels) {
        this.name = name;
        this.dates = dates;
        this.levels = levels;
    }

    /** Dates strictly increasing, levels positive and finite (arrays are copied). */
    public static IndexHistory of(String name, LocalDate[] dates, double[] levels) {
        Objects.requireNonNull(name, "index name");
        if (dates.length != levels.length) {
            throw new IllegalArgumentException(name + ": dates and levels differ in length: " + dates.length + " vs "
                    + levels.length);
        }
        for (int i = 0; i < dates.length; i++) {
            Objects.requireNonNull(dates[i], name + ": date at position " + i);
            if (i > 0 && !dates[i].isAfter(dates[i - 1])) {
                throw new IllegalArgumentException(name + ": dates must be strictly increasing: " + dates[i - 1]
                        + " then " + dates[i]);
            }
            if (!(levels[i] > 0) || Double.isInfinite(levels[i])) {
                throw new IllegalArgumentException(name + ": level on " + dates[i] + " must be a positive number, got "
                        + levels[i]);
            }
        }
        return new IndexHistory(name, dates.clone(), levels.clone());
    }

    public String name() {
        return name;
    }

    public int size() {
        return dates.length;
    }

    public LocalDate dateAt(int i) {
        return dates[i];
    }

    public double levelAt(int i) {
        return levels[i];
    }

    /** Position of {@code date}, or −1 when the index has no close that day. */
    public int indexOf(LocalDate date) {
        int found = Arrays.binarySearch(dates, date);
        return found >= 0 ? found : -1;
    }

    /** Position of the last close on or before {@code date}, or −1. */
    public int lastIndexOnOrBefore(LocalDate date) {
        int found = Arrays.binarySearch(dates, date);
        return found >= 0 ? found : -found - 2;
    }
}
