package com.aegis.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A recurring fire time in Seoul wall-clock time. Korea has no daylight saving, so every fire is exactly one KST
 * instant. The rule says when a job wakes up; whether the date is a trading day is the job's own decision, which it
 * records, so a holiday run shows up as "skipped: holiday" rather than as nothing.
 *
 * @param frequency   every day, one weekday each week, or the last such weekday of each month
 * @param dayOfWeek   the weekday for WEEKLY and MONTHLY_LAST (ignored for DAILY, may be null then)
 * @param time        KST wall-clock time of the fire
 */
public record BatchCalendarRule(Frequency frequency, DayOfWeek dayOfWeek, LocalTime time) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /** How often the rule fires. */
    public enum Frequency { DAILY, WEEKLY, MONTHLY_LAST }

    public BatchCalendarRule {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(time, "time");
        if (frequency != Frequency.DAILY && dayOfWeek == null) {
            throw new IllegalArgumentException(frequency + " rule needs a day of week");
        }
        if (frequency == Frequency.DAILY) {
            dayOfWeek = null;
        }
    }

    public static BatchCalendarRule daily(LocalTime time) {
        return new BatchCalendarRule(Frequency.DAILY, null, time);
    }

    public static BatchCalendarRule weekly(DayOfWeek day, LocalTime time) {
        return new BatchCalendarRule(Frequency.WEEKLY, day, time);
    }

    public static BatchCalendarRule lastOfMonth(DayOfWeek day, LocalTime time) {
        return new BatchCalendarRule(Frequency.MONTHLY_LAST, day, time);
    }

    /** The first fire strictly after {@code instant}. */
    public ZonedDateTime nextFireAfter(Instant instant) {
        ZonedDateTime now = instant.atZone(SEOUL);
        LocalDate day = now.toLocalDate();
        for (int i = 0; i < 800; i++) {
            LocalDate candidate = day.plusDays(i);
            if (fires(candidate)) {
                ZonedDateTime at = candidate.atTime(time).atZone(SEOUL);
                if (at.toInstant().isAfter(instant)) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("rule " + this + " never fires after " + instant);
    }

    /** Whether the rule fires on KST date {@code date}. */
    public boolean fires(LocalDate date) {
        return switch (frequency) {
            case DAILY -> true;
            case WEEKLY -> date.getDayOfWeek() == dayOfWeek;
            case MONTHLY_LAST -> date.equals(YearMonth.from(date).atEndOfMonth()
                    .with(TemporalAdjusters.previousOrSame(dayOfWeek)));
        };
    }

    /** Human-readable, e.g. {@code daily 08:30 KST}, {@code last SATURDAY of the month 04:00 KST}. */
    public String describe() {
        return switch (frequency) {
            case DAILY -> "daily " + time + " KST";
            case WEEKLY -> "every " + dayOfWeek + " " + time + " KST";
            case MONTHLY_LAST -> "last " + dayOfWeek + " of the month " + time + " KST";
        };
    }
}
