package com.aegis.cli;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingDaySchedule;
import com.aegis.core.market.Market;
import com.aegis.db.Migrations;
import com.aegis.marketsim.generator.DailyBarTable;
import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.IndexBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.RegimeSpan;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The demo's market steps: the KRX calendar, and the synthetic market generated and loaded into PostgreSQL. */
final class MarketDemo {

    private MarketDemo() {
    }

    static void printCalendar(LocalDate session, PrintStream out) {
        KrxCalendar calendar = KrxCalendar.standard();
        TradingDaySchedule schedule = calendar.schedule(session);
        out.printf("    session %s (%s): %s; opening auction %s-%s, continuous %s-%s, closing auction %s-%s%n",
                session, session.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                schedule.description(), schedule.openingAuctionStart(), schedule.marketOpen(), schedule.marketOpen(),
                schedule.closingAuctionStart(), schedule.closingAuctionStart(), schedule.marketClose());
        out.printf("    previous trading day %s, next %s; settlement (T+2) %s%n", calendar.previousTradingDay(session),
                calendar.nextTradingDay(session), calendar.settlementDate(session));
        List<String> ahead = calendar.weekdayClosures(session.getYear()).stream()
                .filter(c -> c.date().isAfter(session))
                .map(c -> c.date() + " " + c.name()).toList();
        out.println("    closures left this year: " + (ahead.isEmpty() ? "none" : String.join(", ", ahead)));
        out.printf("    trading days in %d: %d%n", session.getYear(),
                calendar.tradingDays(LocalDate.of(session.getYear(), 1, 1), LocalDate.of(session.getYear(), 12, 31)).size());
    }

    /** Generates the market and loads it into the workers' PostgreSQL; prints what a trader would look at. */
    static MarketHistory generateAndLoad(CliSettings settings, GeneratorConfig config, PrintStream out)
            throws SQLException {
        long t0 = System.nanoTime();
        MarketHistory history = MarketGenerator.generate(config, (stage, done, total) -> { });
        double generated = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        javax.sql.DataSource dataSource = settings.dataSource();
        Migrations.migrate(dataSource);
        Map<String, Long> rows;
        try (Connection connection = dataSource.getConnection()) {
            rows = PostgresHistoryLoader.load(history, connection, (stage, done, total) -> { });
        }
        double loaded = (System.nanoTime() - t1) / 1e9;
        out.printf("    seed %d: %,d stocks, %,d trading days %s..%s, %,d daily bars, %,d quarterly statements, "
                        + "%,d disclosures%n", config.seed(), history.instruments().size(), history.tradingDays().size(),
                history.tradingDays().get(0), history.tradingDays().get(history.tradingDays().size() - 1),
                history.bars().size(), history.statements().size(), history.disclosures().size());
        out.printf("    generated in %.1f s, loaded into PostgreSQL in %.1f s (%,d rows in %d tables)%n", generated,
                loaded, rows.values().stream().mapToLong(Long::longValue).sum(), rows.size());
        printUniverse(history, out);
        printIndices(history, out);
        printLastSession(history, out);
        return history;
    }

    private static void printUniverse(MarketHistory history, PrintStream out) {
        DailyBarTable bars = history.bars();
        int last = bars.tradingDays().size() - 1;
        Map<Market, List<Long>> caps = new EnumMap<>(Market.class);
        for (int s = 0; s < bars.stockCount(); s++) {
            if (bars.hasBar(s, last)) {
                Instrument instrument = history.instrument(bars.symbol(s));
                caps.computeIfAbsent(instrument.market(), m -> new ArrayList<>()).add(history.marketCap(s, last));
            }
        }
        Table table = new Table("MARKET", "LISTED", "TOTAL CAP", "MEDIAN CAP", "LARGEST");
        caps.forEach((market, list) -> {
            list.sort(Comparator.naturalOrder());
            table.row(market, String.format("%,d", list.size()), won(list.stream().mapToLong(Long::longValue).sum()),
                    won(list.get(list.size() / 2)), won(list.get(list.size() - 1)));
        });
        table.print(out, "    ");
    }

    private static void printIndices(MarketHistory history, PrintStream out) {
        StringBuilder line = new StringBuilder("    indices at the close:");
        for (String code : List.of("KOSPI", "KOSPI200", "KOSDAQ")) {
            List<IndexBar> series = history.indexBars().stream().filter(b -> b.indexCode().equals(code)).toList();
            if (!series.isEmpty()) {
                IndexBar first = series.get(0);
                IndexBar lastBar = series.get(series.size() - 1);
                line.append(String.format(" %s %,.2f (%+.1f%% over the period, %+.2f%% on the day)", code,
                        lastBar.close(), (lastBar.close() / first.open() - 1) * 100,
                        series.size() > 1 ? (lastBar.close() / series.get(series.size() - 2).close() - 1) * 100 : 0.0));
            }
        }
        out.println(line);
        List<RegimeSpan> regimes = history.regimes();
        out.println("    market regimes: " + String.join(", ", regimes.stream()
                .skip(Math.max(0, regimes.size() - 4))
                .map(r -> r.regime() + " " + r.from() + ".." + r.to()).toList()));
    }

    private static void printLastSession(MarketHistory history, PrintStream out) {
        DailyBarTable bars = history.bars();
        int last = bars.tradingDays().size() - 1;
        int up = 0;
        int down = 0;
        int flat = 0;
        int limitUp = 0;
        long value = 0;
        List<Integer> traded = new ArrayList<>();
        for (int s = 0; s < bars.stockCount(); s++) {
            if (!bars.hasBar(s, last) || bars.volume(s, last) == 0) {
                continue;
            }
            traded.add(s);
            long change = bars.close(s, last) - bars.basePrice(s, last);
            if (change > 0) {
                up++;
            } else if (change < 0) {
                down++;
            } else {
                flat++;
            }
            if (bars.close(s, last) == com.aegis.core.krx.PriceLimits.of(history.instrument(bars.symbol(s)).market(),
                    bars.tradingDays().get(last), bars.basePrice(s, last)).upper()) {
                limitUp++;
            }
            value += bars.tradedValue(s, last);
        }
        out.printf("    last session %s: %,d advancers, %,d decliners, %,d unchanged, %d at the upper limit; traded value %s%n",
                bars.tradingDays().get(last), up, down, flat, limitUp, won(value));
        Comparator<Integer> byChange = Comparator.comparingDouble(s -> (double) bars.close(s, last) / bars.basePrice(s, last));
        List<Integer> sorted = traded.stream().sorted(byChange).toList();
        Table movers = new Table("", "SYMBOL", "NAME", "CLOSE", "CHANGE", "VALUE TRADED");
        IntStream.range(0, 3).forEach(i -> moverRow(movers, "top gainer", sorted.get(sorted.size() - 1 - i), history, last));
        IntStream.range(0, 3).forEach(i -> moverRow(movers, "top loser", sorted.get(i), history, last));
        movers.print(out, "    ");
    }

    private static void moverRow(Table table, String label, int s, MarketHistory history, int day) {
        DailyBarTable bars = history.bars();
        Instrument instrument = history.instrument(bars.symbol(s));
        table.row(label, instrument.symbol(), instrument.nameEn(), String.format("%,d", bars.close(s, day)),
                String.format("%+.2f%%", (bars.close(s, day) * 100.0 / bars.basePrice(s, day)) - 100),
                won(bars.tradedValue(s, day)));
    }

    /** KRW in trillions or billions, as market caps and traded values are quoted. */
    static String won(long krw) {
        if (Math.abs(krw) >= 1_000_000_000_000L) {
            return String.format("%,.1f tn KRW", krw / 1e12);
        }
        if (Math.abs(krw) >= 100_000_000L) {
            return String.format("%,.1f bn KRW", krw / 1e9);
        }
        return String.format("%,d KRW", krw);
    }
}
