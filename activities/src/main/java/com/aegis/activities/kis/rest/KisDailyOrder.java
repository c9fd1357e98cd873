package com.aegis.activities.kis.rest;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * inquire-daily-ccld: one order of the day with its fills so far. {@code originalOrder} is present for a modify or
 * cancel row; {@code cancelRow} marks a cancel confirmation.
 */
public record KisDailyOrder(LocalDate orderDate, LocalTime orderTime, KisOrderNumber orderNumber,
                            Optional<KisOrderNumber> originalOrder, Symbol symbol, Side side, long orderQuantity,
                            long orderPrice, long filledQuantity, long averageFillPrice, long filledAmount,
                            long cancelledQuantity, long remainingQuantity, boolean cancelRow) {
}
