package com.aegis.core.factors;

/**
 * A fiscal quarter, e.g. 2024Q3.
 *
 * @param year    fiscal year
 * @param quarter 1..4
 */
public record FiscalQuarter(int year, int quarter) implements Comparable<FiscalQuarter> {

    public FiscalQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("fiscal quarter must be 1..4, got " + quarter + " in " + year);
        }
    }

    public static FiscalQuarter of(int year, int quarter) {
        return new FiscalQuarter(year, quarter);
    }

    /** The quarter {@code n} quarters earlier. */
    public FiscalQuarter minusQuarters(int n) {
        int index = year * 4 + (quarter - 1) - n;
        return new FiscalQuarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    @Override
    public int compareTo(FiscalQuarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
