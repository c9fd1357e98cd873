package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cap-weighted indices chain-linked from the constituents' bars: each session the index moves by the ratio of the
 * members' market value at the close to their value at the base price, so listings, delistings and halts need no
 * divisor bookkeeping. KOSPI and KOSDAQ hold every common stock of their market; KOSPI 200 holds the 200 largest
 * KOSPI common stocks, reviewed after the second Thursday of June and December, a delisted member replaced at once.
 */
final class IndexCalculator {

    static final int KOSPI200_SIZE = 200;

    record Result(List<MarketIndex> indices, List<IndexBar> bars, boolean[] kospi200AtEnd) {
    }

    private final List<LocalDate> days;
    private final List<StockProfile> stocks;
    private final DailyBarTable table;

    IndexCalculator(List<LocalDate> days, List<StockProfile> stocks, DailyBarTable table) {
        this.days = days;
        this.stocks = stocks;
        this.table = table;
    }

    Result compute(LocalDate baseDate) {
        MarketIndex kospi = new MarketIndex("KOSPI", "코스피", Market.KOSPI, baseDate, 2500.0);
        MarketIndex kospi200 = new MarketIndex("KOSPI200", "코스피 200", Market.KOSPI, baseDate, 330.0);
        MarketIndex kosdaq = new MarketIndex("KOSDAQ", "코스닥", Market.KOSDAQ, baseDate, 800.0);
        List<IndexBar> bars = new ArrayList<>(days.size() * 3);
        int n = stocks.size();
        boolean[] kospiMembers = new boolean[n];
        boolean[] kosdaqMembers = new boolean[n];
        for (StockProfile s : stocks) {
            kospiMembers[s.index] = s.market == Market.KOSPI && !s.preferred;
            kosdaqMembers[s.index] = s.market == Market.KOSDAQ;
        }
        boolean[] k200 = new boolean[n];
        double levelKospi = kospi.baseValue();
        double levelK200 = kospi200.baseValue();
        double levelKosdaq = kosdaq.baseValue();
        for (int t = 0; t < days.size(); t++) {
            if (t == 0 || isReviewDay(t)) {
                select200(k200, t);
            } else {
                replaceDelisted(k200, t);
            }
            levelKospi = bar(kospi.code(), kospiMembers, t, levelKospi, bars);
            levelK200 = bar(kospi200.code(), k200, t, levelK200, bars);
            levelKosdaq = bar(kosdaq.code(), kosdaqMembers, t, levelKosdaq, bars);
        }
        return new Result(List.of(kospi, kospi200, kosdaq), bars, k200);
    }

    private double bar(String code, boolean[] members, int t, double previous, List<IndexBar> out) {
        double base = 0;
        double open = 0;
        double high = 0;
        double low = 0;
        double close = 0;
        long volume = 0;
        long value = 0;
        for (StockProfile s : stocks) {
            int i = s.index;
            if (!members[i] || !table.hasBar(i, t)) {
                continue;
            }
            double shares = s.shares;
            base += shares * table.basePrice(i, t);
            open += shares * table.open(i, t);
            high += shares * table.high(i, t);
            low += shares * table.low(i, t);
            close += shares * table.close(i, t);
            volume += table.volume(i, t);
            value += table.tradedValue(i, t);
        }
        if (base == 0) {
            throw new IllegalStateException("index " + code + " has no listed constituent on " + days.get(t)
                    + "; generate a larger universe");
        }
        double c = previous * close / base;
        double o = previous * open / base;
        double top = Math.max(o, c);
        double bottom = Math.min(o, c);
        double h = top + 0.6 * (previous * high / base - top);
        double l = bottom - 0.6 * (bottom - previous * low / base);
        out.add(new IndexBar(code, days.get(t), round2(o), round2(h), round2(l), round2(c), volume, value));
        return c;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** First session after the second Thursday of June or December. */
    private boolean isReviewDay(int t) {
        LocalDate d = days.get(t);
        if (d.getMonthValue() != 6 && d.getMonthValue() != 12) {
            return false;
        }
        LocalDate secondThursday = d.withDayOfMonth(1);
        while (secondThursday.getDayOfWeek() != DayOfWeek.THURSDAY) {
            secondThursday = secondThursday.plusDays(1);
        }
        secondThursday = secondThursday.plusWeeks(1);
        return d.isAfter(secondThursday) && !days.get(t - 1).isAfter(secondThursday);
    }

    private double baseCap(StockProfile s, int t) {
        return (double) table.basePrice(s.index, t) * s.shares;
    }

    private List<StockProfile> eligible(int t) {
        return stocks.stream()
                .filter(s -> s.market == Market.KOSPI && !s.preferred && table.hasBar(s.index, t))
                .sorted(Comparator.comparingDouble((StockProfile s) -> -baseCap(s, t)).thenComparingInt(s -> s.index))
                .toList();
    }

    private void select200(boolean[] members, int t) {
        java.util.Arrays.fill(members, false);
        List<StockProfile> ranked = eligible(t);
        for (int k = 0; k < Math.min(KOSPI200_SIZE, ranked.size()); k++) {
            members[ranked.get(k).index] = true;
        }
    }

    private void replaceDelisted(boolean[] members, int t) {
        long lost = IntStream.range(0, members.length).filter(i -> members[i] && !table.hasBar(i, t)).count();
        if (lost == 0) {
            return;
        }
        for (int i = 0; i < members.length; i++) {
            if (members[i] && !table.hasBar(i, t)) {
                members[i] = false;
            }
        }
        int added = 0;
        for (StockProfile s : eligible(t)) {
            if (added == lost) {
                break;
            }
            if (!members[s.index]) {
                members[s.index] = true;
                added++;
            }
        }
    }
}
