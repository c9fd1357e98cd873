package com.aegis.core.krx;

import com.aegis.core.market.Market;
import java.time.LocalDate;
import java.util.Objects;

/**
 * KRX tick sizes (requirement K1).
 *
 * <p>The single-argument methods use the unified table in force for KOSPI, KOSDAQ and KONEX since 2023-01-25
 * (&lt; 2,000: 1; &lt; 5,000: 5; &lt; 20,000: 10; &lt; 50,000: 50; &lt; 200,000: 100; &lt; 500,000: 500; else 1,000).
 * Before that date KOSPI used 1/5/10/50/100/500/1,000 with bands at 1,000/5,000/10,000/50,000/100,000/500,000 and
 * KOSDAQ (and KONEX) used 1/5/10/50/100 with bands at 1,000/5,000/10,000/50,000 (KRX rule change announced 2022-12).
 */
public final class TickSize {

    /** First trading day on which the unified table applied. */
    public static final LocalDate UNIFIED_TABLE_SINCE = LocalDate.of(2023, 1, 25);

    private TickSize() {
    }

    /** The table in force for a market on a date. */
    public static TickTable table(Market market, LocalDate date) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(date, "date");
        if (!date.isBefore(UNIFIED_TABLE_SINCE)) {
            return TickTable.UNIFIED_SINCE_2023;
        }
        return market == Market.KOSPI ? TickTable.KOSPI_BEFORE_2023 : TickTable.KOSDAQ_BEFORE_2023;
    }

    /** Tick for a price under the unified table; price must be &gt; 0. */
    public static long of(long price) {
        return TickTable.UNIFIED_SINCE_2023.tickOf(price);
    }

    /** Tick for a price on a given date and market (pre-2023-01-25 tables differ between KOSPI and KOSDAQ). */
    public static long of(Market market, LocalDate date, long price) {
        return table(market, date).tickOf(price);
    }

    public static boolean isValid(long price) {
        return TickTable.UNIFIED_SINCE_2023.isValid(price);
    }

    public static long roundDown(long price) {
        return TickTable.UNIFIED_SINCE_2023.roundDown(price);
    }

    public static long roundUp(long price) {
        return TickTable.UNIFIED_SINCE_2023.roundUp(price);
    }

    public static long roundNearest(long price) {
        return TickTable.UNIFIED_SINCE_2023.roundNearest(price);
    }

    /** Moves a valid price up by n ticks, crossing band boundaries with the new band's tick. */
    public static long stepUp(long price, int ticks) {
        return TickTable.UNIFIED_SINCE_2023.stepUp(price, ticks);
    }

    /** Moves a valid price down by n ticks; throws if the result would be below 1 KRW. */
    public static long stepDown(long price, int ticks) {
        return TickTable.UNIFIED_SINCE_2023.stepDown(price, ticks);
    }
}
