package com.aegis.core.krx;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * KRX trading calendar (requirement K4) for 2015-01-01..2027-12-31.
 *
 * <p>KRX is closed on weekends, on public holidays (New Year's Day, Lunar New Year and Chuseok three days each,
 * Independence Movement Day, Children's Day, Buddha's Birthday, Memorial Day, Liberation Day, National Foundation
 * Day, Hangul Day, Christmas), on substitute holidays (Lunar New Year/Chuseok/Children's Day since 2014, national
 * days since 2021-08, Buddha's Birthday and Christmas since 2023-05), on election days and temporary public holidays,
 * on Labour Day (May 1) and on the year-end closing day (Dec 31, or the last weekday before it when it falls on a
 * weekend). Dates were checked against KRX's published closure lists and the XKRX calendar of exchange_calendars.
 */
public final class KrxCalendar {

    /** Asia/Seoul: KRX times are KST. */
    public static final ZoneId KST = ZoneId.of("Asia/Seoul");
    public static final LocalDate FIRST_DATE = LocalDate.of(KrxClosureRules.FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(KrxClosureRules.LAST_YEAR, 12, 31);

    private static final KrxCalendar STANDARD = new KrxCalendar();

    /** A weekday on which KRX is closed. */
    public record Closure(LocalDate date, String name) {
        public Closure {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    private final TreeMap<LocalDate, String> closures = new TreeMap<>();
    private final Set<LocalDate> csatDays;

    private KrxCalendar() {
        for (int year : KrxClosureRules.years()) {
            closures.putAll(KrxClosureRules.closures(year));
        }
        csatDays = Set.copyOf(new HashSet<>(KrxClosureRules.csatDays()));
    }

    /** The calendar of actual KRX closures. */
    public static KrxCalendar standard() {
        return STANDARD;
    }

    /** True if KRX equity markets trade on this KST date. */
    public boolean isTradingDay(LocalDate date) {
        requireCovered(date);
        return !KrxClosureRules.isWeekend(date) && !closures.containsKey(date);
    }

    /** Why KRX is closed on this date (holiday name first, else "Saturday"/"Sunday"), or empty on a trading day. */
    public Optional<String> closureReason(LocalDate date) {
        requireCovered(date);
        String holiday = closures.get(date);
        if (holiday != null) {
            return Optional.of(holiday);
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        return Optional.empty();
    }

    /** The first trading day strictly after the date. */
    public LocalDate nextTradingDay(LocalDate date) {
        requireCovered(date);
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last trading day strictly before the date. */
    public LocalDate previousTradingDay(LocalDate date) {
        requireCovered(date);
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Moves n trading days forward (n &gt; 0) or back (n &lt; 0); n = 0 returns the date itself. */
    public LocalDate plusTradingDays(LocalDate date, int n) {
        LocalDate d = date;
        for (int i = 0; i < Math.abs(n); i++) {
            d = n > 0 ? nextTradingDay(d) : previousTradingDay(d);
        }
        return d;
    }

    /** Settlement date of an equity trade: two trading days after the trade (T+2). */
    public LocalDate settlementDate(LocalDate tradeDate) {
        return plusTradingDays(tradeDate, 2);
    }

    /** Every weekday of the year on which KRX is closed, sorted by date. */
    public List<Closure> weekdayClosures(int year) {
        if (year < FIRST_DATE.getYear() || year > LAST_DATE.getYear()) {
            throw new OutsideCalendarCoverageException("year " + year, FIRST_DATE, LAST_DATE);
        }
        List<Closure> result = new ArrayList<>();
        for (Map.Entry<LocalDate, String> e : closures.subMap(LocalDate.of(year, 1, 1), true,
                LocalDate.of(year, 12, 31), true).entrySet()) {
            if (!KrxClosureRules.isWeekend(e.getKey())) {
                result.add(new Closure(e.getKey(), e.getValue()));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Trading days in [from, to], ascending. */
    public List<LocalDate> tradingDays(LocalDate fromInclusive, LocalDate toInclusive) {
        requireCovered(fromInclusive);
        requireCovered(toInclusive);
        if (toInclusive.isBefore(fromInclusive)) {
            throw new IllegalArgumentException("trading day range is reversed: from " + fromInclusive
                    + " is after to " + toInclusive);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = fromInclusive; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** The first trading day of a year (it opens at 10:00). */
    public LocalDate firstTradingDayOfYear(int year) {
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        return isTradingDay(jan1) ? jan1 : nextTradingDay(jan1);
    }

    /** The last trading day of a year (the day before the year-end closing day, at the latest). */
    public LocalDate lastTradingDayOfYear(int year) {
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        return isTradingDay(dec31) ? dec31 : previousTradingDay(dec31);
    }

    /** True on the CSAT (college entrance exam) day, when the sessions are one hour late. */
    public boolean isCsatDay(LocalDate date) {
        requireCovered(date);
        return csatDays.contains(date);
    }

    /** The session times of a date: regular, first-trading-day, CSAT day, or closed. */
    public TradingDaySchedule schedule(LocalDate date) {
        if (!isTradingDay(date)) {
            return TradingSessions.closed(date, closureReason(date).orElseThrow());
        }
        if (csatDays.contains(date)) {
            return TradingSessions.csatDay(date);
        }
        if (date.equals(firstTradingDayOfYear(date.getYear()))) {
            return TradingSessions.firstTradingDayOfYear(date);
        }
        return TradingSessions.regular(date);
    }

    /** The session phase at an instant, taking the date's special schedule and closures into account. */
    public SessionPhase phaseAt(Instant instant) {
        ZonedDateTime kst = instant.atZone(KST);
        return schedule(kst.toLocalDate()).phaseAt(kst.toLocalTime());
    }

    /** The last Saturday of a month (the monthly factor job runs then). */
    public static LocalDate lastSaturdayOfMonth(YearMonth month) {
        return month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
    }

    /** {@code aegis calendar YEAR}: every weekday closure of the year, one per line as {@code YYYY-MM-DD<TAB>name}. */
    public static String weekdayClosuresReport(int year) {
        StringBuilder out = new StringBuilder();
        for (Closure c : STANDARD.weekdayClosures(year)) {
            out.append(c.date()).append('\t').append(c.name()).append('\n');
        }
        return out.toString();
    }

    private static void requireCovered(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new OutsideCalendarCoverageException("date " + date, FIRST_DATE, LAST_DATE);
        }
    }
}
