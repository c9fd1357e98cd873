package com.aegis.core.krx;

import com.aegis.core.market.Market;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Daily price limits (requirement K2), computed the way KRX's business rules describe it:
 * <ol>
 *   <li>limit width = base price × limit rate, with the part below the base price's tick truncated;</li>
 *   <li>upper = base + width, rounded down to a valid tick of the band it lands in;</li>
 *   <li>lower = base − width, rounded up to a valid tick of the band it lands in (never below 1 KRW).</li>
 * </ol>
 * The rate is ±30% for KOSPI and KOSDAQ since 2015-06-15 (±15% before) and ±15% for KONEX.
 */
public final class PriceLimits {

    /** First trading day of the ±30% limit for KOSPI and KOSDAQ. */
    public static final LocalDate THIRTY_PERCENT_SINCE = LocalDate.of(2015, 6, 15);

    private PriceLimits() {
    }

    /** Today's band under the current rules (unified tick table, ±30%, KONEX ±15%). */
    public static PriceBand of(Market market, long basePrice) {
        return compute(TickTable.UNIFIED_SINCE_2023, ratePercent(market, THIRTY_PERCENT_SINCE), basePrice);
    }

    /** The band on a historical date: that date's tick table and limit rate. */
    public static PriceBand of(Market market, LocalDate date, long basePrice) {
        return compute(TickSize.table(market, date), ratePercent(market, date), basePrice);
    }

    /** Limit rate in percent for a market on a date. */
    public static int ratePercent(Market market, LocalDate date) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(date, "date");
        if (market == Market.KONEX) {
            return 15;
        }
        return date.isBefore(THIRTY_PERCENT_SINCE) ? 15 : 30;
    }

    private static PriceBand compute(TickTable table, int ratePercent, long basePrice) {
        if (basePrice <= 0) {
            throw new IllegalArgumentException("base price must be at least 1 KRW, got " + basePrice);
        }
        long baseTick = table.tickOf(basePrice);
        long rawWidth = Math.multiplyExact(basePrice, (long) ratePercent) / 100;
        long width = rawWidth - rawWidth % baseTick;
        long upper = table.roundDown(Math.addExact(basePrice, width));
        long lowerRaw = basePrice - width;
        long lower = lowerRaw < 1 ? 1 : table.roundUp(lowerRaw);
        return new PriceBand(basePrice, lower, upper);
    }
}
