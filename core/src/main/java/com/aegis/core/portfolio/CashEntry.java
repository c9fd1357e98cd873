package com.aegis.core.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One booked cash movement.
 *
 * @param sequence     1, 2, 3 ... in booking order
 * @param type         what it is
 * @param amount       signed KRW: positive credits cash, negative debits it
 * @param balanceAfter the balance once this entry is booked
 * @param reference    what caused it (a trade id, an order id, a transfer number)
 * @param tradeDate    KST trade date
 * @param occurredAt   when it happened
 */
public record CashEntry(long sequence, CashEntryType type, long amount, long balanceAfter, String reference,
        LocalDate tradeDate, Instant occurredAt) {

    public CashEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(tradeDate, "tradeDate");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
