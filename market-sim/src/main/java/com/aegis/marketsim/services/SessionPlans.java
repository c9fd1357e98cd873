package com.aegis.marketsim.services;

import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.generator.DailyBarTable;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.MarketHistory;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Day plans for the exchange simulator from a generated session: the crowd's flow then reproduces those bars. */
public final class SessionPlans {

    private SessionPlans() {
    }

    /** The {@code count} most traded stocks of the history's session {@code day} (an index into its trading days). */
    public static List<DayPlan> mostTraded(MarketHistory history, int day, int count) {
        DailyBarTable bars = history.bars();
        return IntStream.range(0, bars.stockCount())
                .filter(s -> bars.hasBar(s, day) && bars.volume(s, day) > 0)
                .boxed()
                .sorted(Comparator.comparingLong((Integer s) -> bars.tradedValue(s, day)).reversed())
                .limit(count)
                .map(s -> {
                    Instrument i = history.instrument(bars.symbol(s));
                    return new DayPlan(i.symbol(), i.market(), i.kospi200(), bars.basePrice(s, day),
                            bars.open(s, day), bars.high(s, day), bars.low(s, day), bars.close(s, day),
                            bars.volume(s, day), false);
                })
                .toList();
    }

    /** The index of the history's last session. */
    public static int lastSession(MarketHistory history) {
        return history.bars().tradingDays().size() - 1;
    }
}
