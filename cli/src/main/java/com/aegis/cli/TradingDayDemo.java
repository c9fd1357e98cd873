package com.aegis.cli;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.krx.TickSize;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.clock.WallTime;
import com.aegis.marketsim.exchange.AccountId;
import com.aegis.marketsim.exchange.AccountSnapshot;
import com.aegis.marketsim.exchange.CancelOrder;
import com.aegis.marketsim.exchange.ClientOrderKey;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeEvent;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.NewOrder;
import com.aegis.marketsim.exchange.OrderAccepted;
import com.aegis.marketsim.exchange.OrderCancelled;
import com.aegis.marketsim.exchange.OrderExecution;
import com.aegis.marketsim.exchange.OrderRejected;
import com.aegis.marketsim.exchange.OrderResponse;
import com.aegis.marketsim.exchange.SessionStats;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.aegis.marketsim.exchange.TradePrint;
import com.aegis.marketsim.exchange.VolatilityInterruptionTriggered;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.services.SessionPlans;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's intraday step: one session of the generated market replayed on the exchange simulator (the crowd's order
 * flow reproduces each stock's daily bar), with a handful of our own orders going through the same books.
 */
final class TradingDayDemo {

    static final AccountId ACCOUNT = new AccountId("AEGIS-DEMO");
    private static final long STARTING_CASH = 100_000_000L;

    private final MarketHistory history;
    private final PrintStream out;
    private final Map<Symbol, Integer> trades = new HashMap<>();
    private final List<String> viLog = new ArrayList<>();
    private final Map<ClientOrderKey, OrderLine> ours = new LinkedHashMap<>();
    private long events;

    /** What happened to one of our orders. */
    private static final class OrderLine {
        final String what;
        String status = "";
        long filled;
        long notional;
        long commission;
        long tax;

        OrderLine(String what) {
            this.what = what;
        }
    }

    TradingDayDemo(MarketHistory history, PrintStream out) {
        this.history = history;
        this.out = out;
    }

    /** Replays the last session of the history for the most traded stocks; {@code speed} 0 runs as fast as possible. */
    void run(int stocks, double speed) {
        int day = SessionPlans.lastSession(history);
        LocalDate date = history.tradingDays().get(day);
        List<DayPlan> plans = SessionPlans.mostTraded(history, day, stocks);

        var start = date.atTime(8, 0).atZone(KrxCalendar.KST).toInstant();
        SimulationClock clock = speed > 0
                ? SimulationClock.accelerated(start, speed, WallTime.system())
                : SimulationClock.stepped(start);
        ExchangeSimulator exchange = new ExchangeSimulator(clock, SimulatorSettings.standard(history.config().seed()));
        exchange.addListener(this::onEvent);
        exchange.openAccount(ACCOUNT, STARTING_CASH);
        DayPlan sellPlan = plans.get(2);
        exchange.setHolding(ACCOUNT, sellPlan.symbol(), 300);
        long startingValue = STARTING_CASH + 300 * sellPlan.basePrice();

        out.printf("    %s, %d most traded stocks, crowd order flow seeded from the history (seed %d), %s%n", date,
                plans.size(), history.config().seed(), speed > 0 ? String.format("clock x%.0f", speed) : "stepped clock");
        long t0 = System.nanoTime();
        exchange.openDay(date, plans);

        exchange.runUntil(LocalTime.of(8, 40));
        DayPlan first = plans.get(0);
        submit(exchange, "opening-auction limit buy", NewOrder.limit(key("open-buy"), ACCOUNT, first.symbol(), Side.BUY,
                TickSize.roundDown(first.basePrice() * 101 / 100), quantityFor(10_000_000, first.basePrice())));

        exchange.runUntil(LocalTime.of(9, 5));
        DayPlan second = plans.get(1);
        long secondLast = exchange.lastTrade(second.symbol()).map(TradePrint::price).orElse(second.basePrice());
        submit(exchange, "market buy", NewOrder.market(key("market-buy"), ACCOUNT, second.symbol(), Side.BUY,
                quantityFor(5_000_000, secondLast)));

        exchange.runUntil(LocalTime.of(9, 10));
        long sellPrice = exchange.lastTrade(sellPlan.symbol()).map(TradePrint::price).orElse(sellPlan.basePrice());
        submit(exchange, "limit sell of a holding", NewOrder.limit(key("limit-sell"), ACCOUNT, sellPlan.symbol(),
                Side.SELL, sellPrice, 300));

        exchange.runUntil(LocalTime.of(9, 15));
        long firstLast = exchange.lastTrade(first.symbol()).map(TradePrint::price).orElse(first.basePrice());
        long offTick = TickSize.of(firstLast) > 1 ? firstLast + 1 : firstLast;
        submit(exchange, "price off the tick grid", NewOrder.limit(key("bad-tick"), ACCOUNT, first.symbol(), Side.BUY,
                offTick, 1));
        long aboveLimit = TickSize.stepUp(PriceLimits.of(first.market(), first.basePrice()).upper(), 1);
        submit(exchange, "price above the upper limit", NewOrder.limit(key("above-limit"), ACCOUNT, first.symbol(),
                Side.BUY, aboveLimit, 1));
        submit(exchange, "unknown symbol", NewOrder.limit(key("unknown"), ACCOUNT, Symbol.of("999990"), Side.BUY,
                10_000, 1));

        exchange.runUntil(LocalTime.of(10, 0));
        DayPlan fourth = plans.get(3);
        long fourthLast = exchange.lastTrade(fourth.symbol()).map(TradePrint::price).orElse(fourth.basePrice());
        OrderResponse passive = submit(exchange, "passive limit buy, cancelled at 10:30",
                NewOrder.limit(key("passive-buy"), ACCOUNT, fourth.symbol(), Side.BUY,
                        TickSize.roundDown(fourthLast * 97 / 100), quantityFor(3_000_000, fourthLast)));

        exchange.runUntil(LocalTime.of(10, 30));
        if (passive instanceof OrderAccepted accepted) {
            exchange.cancel(new CancelOrder(ACCOUNT, accepted.orderId()));
        }
        exchange.runUntil(LocalTime.of(15, 30));
        double wall = (System.nanoTime() - t0) / 1e9;

        out.printf("    simulated 08:00-15:30 (7.5 h) in %.1f s wall (%,.0fx real time): %,d exchange events, %,d trades, "
                        + "%d volatility interruptions%n", wall, 27_000 / wall, events,
                trades.values().stream().mapToInt(Integer::intValue).sum(), viLog.size());
        printBooks(exchange, plans);
        viLog.stream().limit(5).forEach(line -> out.println("    VI " + line));
        printOurOrders();
        printAccount(exchange, plans, startingValue);
    }

    private void printBooks(ExchangeSimulator exchange, List<DayPlan> plans) {
        Table table = new Table("SYMBOL", "NAME", "PLAN O/H/L/C", "SIMULATED O/H/L/C", "VOLUME vs PLAN", "TRADES");
        for (DayPlan plan : plans.subList(0, Math.min(8, plans.size()))) {
            SessionStats stats = exchange.stats(plan.symbol()).orElseThrow();
            table.row(plan.symbol(), history.instrument(plan.symbol()).nameEn(),
                    String.format("%,d/%,d/%,d/%,d", plan.open(), plan.high(), plan.low(), plan.close()),
                    String.format("%,d/%,d/%,d/%,d", stats.open(), stats.high(), stats.low(), stats.last()),
                    String.format("%,d (%+.1f%%)", stats.volume(), (stats.volume() * 100.0 / plan.volume()) - 100),
                    String.format("%,d", trades.getOrDefault(plan.symbol(), 0)));
        }
        table.print(out, "    ");
        if (plans.size() > 8) {
            out.printf("    (and %d more stocks)%n", plans.size() - 8);
        }
    }

    private void printOurOrders() {
        out.println("    our orders:");
        Table table = new Table("ORDER", "RESULT", "FILLED", "AVG PRICE", "COMMISSION", "TAX");
        ours.values().forEach(line -> table.row(line.what, line.status, String.format("%,d", line.filled),
                line.filled == 0 ? "" : String.format("%,.0f", (double) line.notional / line.filled),
                String.format("%,d", line.commission), String.format("%,d", line.tax)));
        table.print(out, "    ");
    }

    private void printAccount(ExchangeSimulator exchange, List<DayPlan> plans, long startingValue) {
        AccountSnapshot account = exchange.account(ACCOUNT).orElseThrow();
        long marked = account.cash();
        StringBuilder holdings = new StringBuilder();
        for (Map.Entry<Symbol, Long> h : account.holdings().entrySet()) {
            if (h.getValue() == 0) {
                continue;
            }
            long close = exchange.lastTrade(h.getKey()).map(TradePrint::price)
                    .orElse(plans.stream().filter(p -> p.symbol().equals(h.getKey())).findFirst().orElseThrow().close());
            marked += h.getValue() * close;
            holdings.append(String.format(" %s x %,d @ %,d;", h.getKey(), h.getValue(), close));
        }
        out.printf("    account at the close: cash %,d KRW, holdings%s commission %,d, tax %,d KRW%n", account.cash(),
                holdings.length() == 0 ? " none;" : holdings.toString(), account.commissionPaid(), account.taxPaid());
        out.printf("    marked to the close: %,d KRW, day P&L %+,d KRW (%+.3f%%)%n", marked, marked - startingValue,
                (marked - startingValue) * 100.0 / startingValue);
    }

    private OrderResponse submit(ExchangeSimulator exchange, String what, NewOrder order) {
        OrderLine line = new OrderLine(what + " " + order.symbol());
        ours.put(order.clientKey(), line);
        OrderResponse response = exchange.submit(order);
        if (response instanceof OrderRejected rejected) {
            line.status = "rejected: " + rejected.reason().brokerMessage();
        } else if (line.status.isEmpty()) {
            line.status = "accepted";
        }
        return response;
    }

    private void onEvent(ExchangeEvent event) {
        events++;
        if (event instanceof TradePrint print) {
            trades.merge(print.symbol(), 1, Integer::sum);
        } else if (event instanceof VolatilityInterruptionTriggered vi) {
            viLog.add(String.format("%s %s %s at %,d (reference %,d), single-price auction until %s",
                    kst(vi.time()), vi.symbol(), vi.type(), vi.triggerPrice(), vi.referencePrice(),
                    kst(vi.auctionEndsAt())));
        } else if (event instanceof OrderExecution fill && ACCOUNT.equals(fill.account())) {
            OrderLine line = ours.get(fill.clientKey());
            if (line != null) {
                line.filled += fill.fillQuantity();
                line.notional += fill.fillQuantity() * fill.fillPrice();
                line.commission += fill.commission();
                line.tax += fill.tax();
                line.status = fill.leavesQuantity() == 0 ? "filled" : "partially filled";
            }
        } else if (event instanceof OrderCancelled cancelled && ACCOUNT.equals(cancelled.account())) {
            OrderLine line = ours.get(cancelled.clientKey());
            if (line != null) {
                line.status = "cancelled (" + cancelled.reason() + "), " + cancelled.cancelledQuantity() + " unfilled";
            }
        }
    }

    private static long quantityFor(long notional, long price) {
        return Math.max(1, notional / price);
    }

    private static LocalTime kst(java.time.Instant instant) {
        return instant.atZone(KrxCalendar.KST).toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static ClientOrderKey key(String name) {
        return new ClientOrderKey("demo-" + name);
    }
}
