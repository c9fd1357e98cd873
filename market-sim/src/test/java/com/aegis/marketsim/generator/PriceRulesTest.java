package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.krx.TickSize;
import com.aegis.core.krx.TickTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bar obeys the KRX rules a trader would check: ticks, daily limits, OHLC order, trading days only. */
class PriceRulesTest {

    private final MarketHistory history = GeneratedMarkets.small();

    @Test
    void barsExistOnlyOnKrxTradingDaysOfThePeriod() {
        GeneratorConfig config = history.config();
        List<LocalDate> expected = KrxCalendar.standard().tradingDays(config.startDate(), config.endDate());
        assertThat(history.tradingDays()).isEqualTo(expected);
        assertThat(history.tradingDays().get(history.tradingDays().size() - 1)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(expected.size()).isBetween(725, 745);
    }

    @Test
    void everyPriceIsOnAValidTickAndInsideTheDailyLimitOfThePreviousClose() {
        assertThat(violations(history)).isEmpty();
        assertThat(history.bars().size()).isGreaterThan(200_000);
    }

    @Test
    void olderPeriodsUseTheTickTablesAndLimitsInForceAtTheTime() {
        // 2015-01..2016-12 spans the change from ±15% to ±30% limits (2015-06-15) under the pre-2023 tick tables.
        MarketHistory old = GeneratedMarkets.of(GeneratorConfig.defaults(3).withStocks(100).withYears(2)
                .withEndDate(LocalDate.of(2016, 12, 31)));
        assertThat(old.tradingDays().get(0)).isBefore(PriceLimits.THIRTY_PERCENT_SINCE);
        assertThat(violations(old)).isEmpty();
    }

    private static List<String> violations(MarketHistory history) {
        List<String> violations = new ArrayList<>();
        DailyBarTable bars = history.bars();
        for (int i = 0; i < bars.stockCount(); i++) {
            Instrument instrument = history.instruments().get(i);
            long previousClose = -1;
            for (int t = bars.firstDay(i); t < bars.endDay(i); t++) {
                DailyBar bar = bars.bar(i, t);
                if (previousClose > 0 && bar.basePrice() != previousClose) {
                    violations.add(bar + " base is not the previous close " + previousClose);
                }
                TickTable ticks = TickSize.table(instrument.market(), bar.tradeDate());
                PriceBand band = PriceLimits.of(instrument.market(), bar.tradeDate(), bar.basePrice());
                for (long p : new long[] {bar.open(), bar.high(), bar.low(), bar.close()}) {
                    if (!ticks.isValid(p) || !band.contains(p)) {
                        violations.add(bar + " price " + p + " off tick or outside " + band);
                    }
                }
                if (!(bar.low() <= Math.min(bar.open(), bar.close()) && bar.high() >= Math.max(bar.open(), bar.close()))) {
                    violations.add(bar + " has inconsistent OHLC");
                }
                if (bar.traded() && bar.tradedValue() < bar.volume() * bar.low()) {
                    violations.add(bar + " traded value below volume x low");
                }
                previousClose = bar.close();
            }
        }
        return violations;
    }

    @Test
    void haltedSessionsHaveNoTradesAndKeepThePrice() {
        int halted = 0;
        for (StatusEvent e : history.statusEvents()) {
            if (e.kind() != StatusKind.TRADING_HALT) {
                continue;
            }
            int i = history.indexOf(e.symbol());
            for (int t = 0; t < history.tradingDays().size(); t++) {
                LocalDate d = history.tradingDays().get(t);
                if (e.covers(d) && history.bars().hasBar(i, t)) {
                    DailyBar bar = history.bars().bar(i, t);
                    assertThat(bar.volume()).as("volume during halt %s", bar).isZero();
                    assertThat(bar.close()).isEqualTo(bar.basePrice());
                    halted++;
                }
            }
        }
        assertThat(halted).as("halted sessions in the sample").isPositive();
    }

    @Test
    void listingsAndDelistingsBoundTheBars() {
        int delisted = 0;
        int newListings = 0;
        for (int i = 0; i < history.instruments().size(); i++) {
            Instrument instrument = history.instruments().get(i);
            DailyBarTable bars = history.bars();
            LocalDate firstBar = history.tradingDays().get(bars.firstDay(i));
            assertThat(instrument.isListedOn(firstBar)).isTrue();
            if (instrument.listedOn().isAfter(history.tradingDays().get(0))) {
                assertThat(firstBar).isEqualTo(instrument.listedOn());
                newListings++;
            }
            if (instrument.delistedOn() != null) {
                delisted++;
                LocalDate lastBar = history.tradingDays().get(bars.endDay(i) - 1);
                assertThat(lastBar).isBefore(instrument.delistedOn());
                assertThat(history.tradingDays().get(bars.endDay(i))).isEqualTo(instrument.delistedOn());
            }
        }
        assertThat(delisted).isPositive();
        assertThat(newListings).isPositive();
    }
}
