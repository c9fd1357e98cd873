package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A halt or designation in force over an inclusive range of KST dates.
 *
 * @param effectiveTo last date in force, null if still in force at the end of the history
 * @param announcedAt when KRX announced it (KST offset)
 */
public record StatusEvent(Symbol symbol, StatusKind kind, LocalDate effectiveFrom, LocalDate effectiveTo,
                          String reason, OffsetDateTime announcedAt) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
