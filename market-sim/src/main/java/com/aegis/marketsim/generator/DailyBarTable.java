package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.List;

/**
 * All daily bars of the universe in columnar primitive arrays (about 32 bytes a bar): for stock i the bars of day
 * indices [firstDay(i), endDay(i)) are stored contiguously from offset(i). The base price of a bar is the previous
 * bar's close, so only the first bar's base (the listing reference price) is stored. Immutable once built.
 */
public final class DailyBarTable {

    private final List<LocalDate> days;
    private final Symbol[] symbols;
    private final int[] firstDay;
    private final int[] endDay;
    private final int[] offset;
    private final long[] firstBase;
    private final int[] open;
    private final int[] high;
    private final int[] low;
    private final int[] close;
    private final long[] volume;
    private final long[] tradedValue;

    DailyBarTable(List<LocalDate> days, Symbol[] symbols, int[] firstDay, int[] endDay, long[] firstBase) {
        this.days = List.copyOf(days);
        this.symbols = symbols.clone();
        this.firstDay = firstDay.clone();
        this.endDay = endDay.clone();
        this.firstBase = firstBase.clone();
        this.offset = new int[symbols.length + 1];
        for (int i = 0; i < symbols.length; i++) {
            if (endDay[i] < firstDay[i]) {
                throw new IllegalArgumentException("stock " + symbols[i] + " ends before it starts");
            }
            offset[i + 1] = Math.addExact(offset[i], endDay[i] - firstDay[i]);
        }
        int total = offset[symbols.length];
        open = new int[total];
        high = new int[total];
        low = new int[total];
        close = new int[total];
        volume = new long[total];
        tradedValue = new long[total];
    }

    void set(int stock, int day, long o, long h, long l, long c, long vol, long value) {
        int k = slot(stock, day);
        open[k] = Math.toIntExact(o);
        high[k] = Math.toIntExact(h);
        low[k] = Math.toIntExact(l);
        close[k] = Math.toIntExact(c);
        volume[k] = vol;
        tradedValue[k] = value;
    }

    private int slot(int stock, int day) {
        if (day < firstDay[stock] || day >= endDay[stock]) {
            throw new IndexOutOfBoundsException("stock " + symbols[stock] + " has no bar on day index " + day
                    + " (bars cover " + firstDay[stock] + ".." + (endDay[stock] - 1) + ")");
        }
        return offset[stock] + day - firstDay[stock];
    }

    public int stockCount() {
        return symbols.length;
    }

    /** Total number of bars. */
    public int size() {
        return offset[symbols.length];
    }

    public List<LocalDate> tradingDays() {
        return days;
    }

    public Symbol symbol(int stock) {
        return symbols[stock];
    }

    /** First day index with a bar for the stock. */
    public int firstDay(int stock) {
        return firstDay[stock];
    }

    /** One past the last day index with a bar. */
    public int endDay(int stock) {
        return endDay[stock];
    }

    public boolean hasBar(int stock, int day) {
        return day >= firstDay[stock] && day < endDay[stock];
    }

    public long open(int stock, int day) {
        return open[slot(stock, day)];
    }

    public long high(int stock, int day) {
        return high[slot(stock, day)];
    }

    public long low(int stock, int day) {
        return low[slot(stock, day)];
    }

    public long close(int stock, int day) {
        return close[slot(stock, day)];
    }

    public long volume(int stock, int day) {
        return volume[slot(stock, day)];
    }

    public long tradedValue(int stock, int day) {
        return tradedValue[slot(stock, day)];
    }

    public long basePrice(int stock, int day) {
        int k = slot(stock, day);
        return day == firstDay[stock] ? firstBase[stock] : close[k - 1];
    }

    public DailyBar bar(int stock, int day) {
        int k = slot(stock, day);
        long base = day == firstDay[stock] ? firstBase[stock] : close[k - 1];
        return new DailyBar(symbols[stock], days.get(day), base, open[k], high[k], low[k], close[k], volume[k],
                tradedValue[k]);
    }
}
