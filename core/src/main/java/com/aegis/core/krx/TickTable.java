package com.aegis.core.krx;

import java.util.Arrays;

/**
 * A KRX tick size table (호가가격단위): price bands with the tick that applies inside each band.
 *
 * <p>Every band's lower bound is a multiple of its own tick and of the tick of the band below, so a band boundary is
 * always a valid price and stepping one tick never skips a valid price.
 */
public final class TickTable {

    /** Unified table for KOSPI, KOSDAQ and KONEX since 2023-01-25. */
    public static final TickTable UNIFIED_SINCE_2023 = new TickTable("unified (since 2023-01-25)",
            new long[] {1, 2_000, 5_000, 20_000, 50_000, 200_000, 500_000},
            new long[] {1, 5, 10, 50, 100, 500, 1_000});

    /** KOSPI table in force until 2023-01-24. */
    public static final TickTable KOSPI_BEFORE_2023 = new TickTable("KOSPI (until 2023-01-24)",
            new long[] {1, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000},
            new long[] {1, 5, 10, 50, 100, 500, 1_000});

    /** KOSDAQ table in force until 2023-01-24 (KONEX used the same table); the tick stopped growing at 100 KRW. */
    public static final TickTable KOSDAQ_BEFORE_2023 = new TickTable("KOSDAQ/KONEX (until 2023-01-24)",
            new long[] {1, 1_000, 5_000, 10_000, 50_000},
            new long[] {1, 5, 10, 50, 100});

    private final String name;
    private final long[] lowerBounds;
    private final long[] ticks;

    private TickTable(String name, long[] lowerBounds, long[] ticks) {
        this.name = name;
        this.lowerBounds = lowerBounds;
        this.ticks = ticks;
    }

    /** Human-readable name of the table, e.g. {@code "unified (since 2023-01-25)"}. */
    public String name() {
        return name;
    }

    /** Lower bounds of the bands, ascending; the first is 1 KRW. */
    public long[] bandLowerBounds() {
        return lowerBounds.clone();
    }

    /** The tick for a price; the price must be at least 1 KRW. */
    public long tickOf(long price) {
        return ticks[bandIndex(requirePositive(price))];
    }

    /** True if the price is on a tick of its band. */
    public boolean isValid(long price) {
        return price > 0 && price % ticks[bandIndex(price)] == 0;
    }

    /** Largest valid price not above the given price. */
    public long roundDown(long price) {
        long tick = tickOf(price);
        return price - price % tick;
    }

    /** Smallest valid price not below the given price. */
    public long roundUp(long price) {
        long down = roundDown(price);
        return down == price ? price : Math.addExact(down, tickOf(price));
    }

    /** Nearest valid price; an exact tie between the two neighbours rounds up (half-up, as for a price quote). */
    public long roundNearest(long price) {
        long down = roundDown(price);
        long up = roundUp(price);
        return (price - down) < (up - price) ? down : up;
    }

    /**
     * Moves a valid price up by {@code ticks} valid prices, using the larger tick once a band boundary is crossed.
     * A negative count moves down.
     */
    public long stepUp(long price, int ticks) {
        requireValid(price);
        if (ticks < 0) {
            return stepDown(price, -(long) ticks);
        }
        return up(price, ticks);
    }

    /** Moves a valid price down by {@code ticks} valid prices; throws if that would go below 1 KRW. */
    public long stepDown(long price, int ticks) {
        requireValid(price);
        if (ticks < 0) {
            return up(price, -(long) ticks);
        }
        return stepDown(price, (long) ticks);
    }

    private long up(long price, long remaining) {
        long p = price;
        while (remaining > 0) {
            int band = bandIndex(p);
            long tick = ticks[band];
            if (band == lowerBounds.length - 1) {
                return Math.addExact(p, Math.multiplyExact(remaining, tick));
            }
            long stepsToNextBand = (lowerBounds[band + 1] - p) / tick;
            if (remaining < stepsToNextBand) {
                return p + remaining * tick;
            }
            p = lowerBounds[band + 1];
            remaining -= stepsToNextBand;
        }
        return p;
    }

    private long stepDown(long price, long remaining) {
        long p = price;
        while (remaining > 0) {
            if (p == 1) {
                throw new IllegalArgumentException("cannot step " + remaining + " tick(s) below 1 KRW from "
                        + price + " KRW: the lowest valid price is 1 KRW");
            }
            int band = bandIndex(p - 1);
            long tick = ticks[band];
            long stepsToBandFloor = (p - lowerBounds[band]) / tick;
            if (remaining <= stepsToBandFloor) {
                return p - remaining * tick;
            }
            p = lowerBounds[band];
            remaining -= stepsToBandFloor;
        }
        return p;
    }

    private int bandIndex(long price) {
        int i = Arrays.binarySearch(lowerBounds, price);
        return i >= 0 ? i : -i - 2;
    }

    private static long requirePositive(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be at least 1 KRW, got " + price);
        }
        return price;
    }

    private void requireValid(long price) {
        if (!isValid(price)) {
            throw new IllegalArgumentException("price " + price + " KRW is not on a tick of the " + name
                    + " table; round it first (roundDown/roundUp/roundNearest)");
        }
    }

    @Override
    public String toString() {
        return "TickTable[" + name + "]";
    }
}
