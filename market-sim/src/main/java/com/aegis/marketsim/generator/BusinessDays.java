package com.aegis.marketsim.generator;

import com.aegis.core.krx.KrxCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** KRX business days for filing dates, falling back to weekdays before and after the calendar's coverage. */
final class BusinessDays {

    private final KrxCalendar calendar;

    BusinessDays(KrxCalendar calendar) {
        this.calendar = calendar;
    }

    boolean isBusinessDay(LocalDate d) {
        if (d.isBefore(KrxCalendar.FIRST_DATE) || d.isAfter(KrxCalendar.LAST_DATE)) {
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
        return calendar.isTradingDay(d);
    }

    LocalDate onOrBefore(LocalDate d) {
        LocalDate x = d;
        while (!isBusinessDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }
}
