package com.aegis.core.krx;

import java.time.LocalDate;

/** A date or year outside the years whose KRX closures are known to {@link KrxCalendar}. */
public final class OutsideCalendarCoverageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public OutsideCalendarCoverageException(String what, LocalDate first, LocalDate last) {
        super(what + " is outside the KRX calendar coverage " + first + ".." + last
                + "; add that year's closures (lunar holiday dates, elections, temporary holidays) to KrxClosureRules");
    }
}
