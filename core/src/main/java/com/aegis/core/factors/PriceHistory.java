package com.aegis.core.factors;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Daily closes and traded values of one stock, oldest first, one entry per session it traded. Held in primitive
 * arrays: the scorer walks 2,800 of these every day.
 */
public final class PriceHistory {

    private final LocalDate[] dates;
    private final long[] closes;
    private final long[] tradedValues;

    /**
     * One session.
     *
     * @param date        the KST trading date
     * @param close       closing price (KRW), adjusted for splits by the collector
     * @param tradedValue traded value of the session (KRW)
     */
    public record DailyClose(LocalDate date, long close, long tradedValue) {
    }

    private PriceHistory(LocalDate[] dates, long[] closes, long[] tradedValues) {
        this.dates = dates;
        this.closes = closes;
        this.tradedValues = tradedValues;
    }

    /** Builds a history; dates must be strictly increasing, closes positive, traded values non-negative. */
    public static PriceHistory of(List<DailyClose> sessions) {
        int n = sessions.size();
        LocalDate[] dates = new LocalDate[n];
        long[] closes = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            DailyClose s = sessions.get(i);
            Objects.requireNonNull(s.date(), "session date at position " + i);
            if (i > 0 && !s.date().isAfter(dates[i - 1])) {
                throw new IllegalArgumentException("price history dates must be strictly increasing: " + dates[i - 1]
                        + " then " + s.date() + " at position " + i);
            }
            if (s.close() <= 0 || s.tradedValue() < 0) {
                throw new IllegalArgumentException("session " + s.date()
                        + " needs close > 0 and traded value >= 0, got " + s.close() + " and " + s.tradedValue());
            }
            dates[i] = s.date();
            closes[i] = s.close();
            values[i] = s.tradedValue();
        }
        return new PriceHistory(dates, closes, values);
    }

    /** Builds a history from parallel arrays (copied); same rules as {@link #of(List)}. */
    public static PriceHistory of(LocalDate[] dates, long[] closes, long[] tradedValues) {
        if (dates.length != closes.length || dates.length != tradedValues.length) {
            throw new IllegalArgumentException("dates, closes and traded values must have the same length, got "
                    + dates.length + ", " + closes.length + ", " + tradedValues.length);
        }
        DailyClose[] sessions = new DailyClose[dates.length];
        for (int i = 0; i < dates.length; i++) {
            sessions[i] = new DailyClose(dates[i], closes[i], tradedValues[i]);
        }
        return of(Arrays.asList(sessions));
    }

    public int size() {
        return dates.length;
    }

    public LocalDate dateAt(int i) {
        return dates[i];
    }

    public long closeAt(int i) {
        return closes[i];
    }

    public long tradedValueAt(int i) {
        return tradedValues[i];
    }

    /** Position of the last session on or before {@code date}, or −1 when the history starts later. */
    public int lastIndexOnOrBefore(LocalDate date) {
        int found = Arrays.binarySearch(dates, date);
        return found >= 0 ? found : -found - 2;
    }

    /** Traded values of the last {@code sessions} sessions on or before {@code date}, oldest first (fewer if the
     *  history is shorter). */
    public List<Long> recentTradedValues(LocalDate date, int sessions) {
        int last = lastIndexOnOrBefore(date);
        int first = Math.max(0, last - sessions + 1);
        Long[] out = new Long[last - first + 1];
        for (int i = first; i <= last; i++) {
            out[i - first] = tradedValues[i];
        }
        return List.of(out);
    }
}
