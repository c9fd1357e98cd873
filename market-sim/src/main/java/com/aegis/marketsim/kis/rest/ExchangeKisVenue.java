package com.aegis.marketsim.kis.rest;

import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.krx.TickSize;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.AccountId;
import com.aegis.marketsim.exchange.AccountSnapshot;
import com.aegis.marketsim.exchange.BookLevel;
import com.aegis.marketsim.exchange.BookSnapshot;
import com.aegis.marketsim.exchange.CancelOrder;
import com.aegis.marketsim.exchange.CancelResponse;
import com.aegis.marketsim.exchange.ClientOrderKey;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeEvent;
import com.aegis.marketsim.exchange.ExchangeOrderId;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.ModifyOrder;
import com.aegis.marketsim.exchange.ModifyResponse;
import com.aegis.marketsim.exchange.NewOrder;
import com.aegis.marketsim.exchange.OrderAccepted;
import com.aegis.marketsim.exchange.OrderCancelled;
import com.aegis.marketsim.exchange.OrderExecution;
import com.aegis.marketsim.exchange.OrderModified;
import com.aegis.marketsim.exchange.OrderRejected;
import com.aegis.marketsim.exchange.OrderResponse;
import com.aegis.marketsim.exchange.SessionStats;
import com.aegis.marketsim.generator.DailyBar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The simulated KIS service backed by the matching engine: orders go to {@link ExchangeSimulator}, fills come back as
 * its events, cash and shares are its broker accounts. It adds what KIS shows on top: its own order numbers (a
 * modify or cancel gets a new one, pointing at the original), the daily order/fill rows and average purchase prices.
 * KIS accounts map to exchange accounts {@code KIS-<CANO>-<product>}. Call {@link #listDay} with the plans given to
 * {@link ExchangeSimulator#openDay} so quotations can show the base price and the daily limits.
 *
 * <p>Locking: this class's own lock is never held while calling the exchange, because the exchange calls back into
 * {@link #onEvent} under its lock.
 */
public final class ExchangeKisVenue implements KisVenue {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final String BRANCH = "91252";
    private static final String KEY_PREFIX = "kis-";

    private final ExchangeSimulator exchange;
    private final TradingCosts costs;
    private final Object lock = new Object();
    private final Map<Symbol, Listing> listings = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Row> rowsByOrderNo = new HashMap<>();
    private final Map<ExchangeOrderId, Row> activeRowByExchangeId = new HashMap<>();
    private final Map<ExchangeOrderId, Row> pendingModify = new HashMap<>();
    private final Map<AccountId, Map<Symbol, Cost>> costBasis = new HashMap<>();
    private long nextOrderNo = 1;
    private volatile Function<Symbol, List<DailyBar>> pastBars = symbol -> List.of();
    private volatile ToLongFunction<Symbol> listedShares = symbol -> 0L;

    private record Listing(Market market, LocalDate date, PriceBand band, String name) {
    }

    private static final class Cost {
        long quantity;
        long amount;
        long boughtToday;
        long soldToday;
    }

    private static final class Row {
        final String orderNo;
        final String originalOrderNo;
        final KisAccount account;
        final Symbol symbol;
        final Side side;
        final OrderKind kind;
        final long price;
        final long quantity;
        final ZonedDateTime time;
        final boolean cancelOrder;
        long filled;
        long filledAmount;
        long cancelled;
        boolean accepted;

        Row(String orderNo, String originalOrderNo, KisAccount account, Symbol symbol, Side side, OrderKind kind,
            long price, long quantity, ZonedDateTime time, boolean cancelOrder) {
            this.orderNo = orderNo;
            this.originalOrderNo = originalOrderNo;
            this.account = account;
            this.symbol = symbol;
            this.side = side;
            this.kind = kind;
            this.price = price;
            this.quantity = quantity;
            this.time = time;
            this.cancelOrder = cancelOrder;
        }

        long remaining() {
            return cancelOrder ? 0L : quantity - filled - cancelled;
        }
    }

    public ExchangeKisVenue(ExchangeSimulator exchange, TradingCosts costs) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.costs = Objects.requireNonNull(costs, "costs");
        exchange.addListener(this::onEvent);
    }

    /** The exchange's simulated clock as a {@link Clock}, to run {@link KisRestSimulator} on the same time. */
    public Clock clock() {
        SimulationClock simulationClock = exchange.clock();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return simulationClock.now();
            }
        };
    }

    /** The exchange account behind a KIS account. */
    public static AccountId accountId(KisAccount account) {
        return new AccountId("KIS-" + account.cano() + "-" + account.productCode());
    }

    /** Opens the KIS account at the simulated broker with {@code cash} KRW. */
    public void openAccount(KisAccount account, long cash) {
        exchange.openAccount(accountId(account), cash);
    }

    /** Gives the account shares bought earlier at {@code averagePrice} (for the balance's purchase price). */
    public void setHolding(KisAccount account, Symbol symbol, long quantity, long averagePrice) {
        exchange.setHolding(accountId(account), symbol, quantity);
        synchronized (lock) {
            Cost cost = costBasis.computeIfAbsent(accountId(account), a -> new HashMap<>())
                    .computeIfAbsent(symbol, s -> new Cost());
            cost.quantity = quantity;
            cost.amount = quantity * averagePrice;
        }
    }

    /** Learns the day's stocks (the same plans given to {@code openDay}) and their names (symbol code if absent). */
    public void listDay(LocalDate date, List<DayPlan> plans, Map<Symbol, String> names) {
        synchronized (lock) {
            listings.clear();
            for (DayPlan plan : plans) {
                listings.put(plan.symbol(), new Listing(plan.market(), date,
                        PriceLimits.of(plan.market(), date, plan.basePrice()),
                        names.getOrDefault(plan.symbol(), plan.symbol().code())));
            }
            costBasis.values().forEach(bySymbol -> bySymbol.values().forEach(c -> {
                c.boughtToday = 0;
                c.soldToday = 0;
            }));
        }
    }

    /**
     * Where the daily chart inquiry finds the days before the current session (e.g. {@code MarketHistory::barsOf},
     * in any order) and each stock's listed shares. The current session's bar comes from the exchange's stats.
     */
    public void useHistory(Function<Symbol, List<DailyBar>> pastBars, ToLongFunction<Symbol> listedShares) {
        this.pastBars = Objects.requireNonNull(pastBars, "pastBars");
        this.listedShares = Objects.requireNonNull(listedShares, "listedShares");
    }

    @Override
    public Optional<DailyChart> dailyChart(Symbol symbol, LocalDate from, LocalDate to) {
        Listing listing;
        synchronized (lock) {
            listing = listings.get(symbol);
        }
        List<DailyBar> past = pastBars.apply(symbol);
        if (listing == null && past.isEmpty()) {
            return Optional.empty();
        }
        Map<LocalDate, DayBar> byDate = new java.util.TreeMap<>();
        for (DailyBar bar : past) {
            if (!bar.tradeDate().isBefore(from) && !bar.tradeDate().isAfter(to)) {
                byDate.put(bar.tradeDate(), new DayBar(bar.tradeDate(), bar.open(), bar.high(), bar.low(),
                        bar.close(), bar.basePrice(), bar.volume(), bar.tradedValue()));
            }
        }
        Optional<SessionStats> stats = exchange.stats(symbol);
        if (listing != null && stats.isPresent() && !listing.date().isBefore(from) && !listing.date().isAfter(to)) {
            SessionStats s = stats.get();
            long base = listing.band().basePrice();
            boolean traded = s.volume() > 0 && s.last() > 0;
            byDate.put(listing.date(), traded
                    ? new DayBar(listing.date(), s.open(), s.high(), s.low(), s.last(), base, s.volume(), s.value())
                    : new DayBar(listing.date(), base, base, base, base, base, 0L, 0L));
        }
        String name = listing != null ? listing.name() : symbol.code();
        return Optional.of(new DailyChart(symbol, name, listedShares.applyAsLong(symbol),
                new ArrayList<>(byDate.values())));
    }

    @Override
    public Optional<Quote> quote(Symbol symbol) {
        Listing listing;
        synchronized (lock) {
            listing = listings.get(symbol);
        }
        Optional<SessionStats> stats = exchange.stats(symbol);
        if (listing == null || stats.isEmpty()) {
            return Optional.empty();
        }
        SessionStats s = stats.get();
        long base = listing.band().basePrice();
        long last = s.last() > 0 ? s.last() : base;
        return Optional.of(new Quote(symbol, listing.name(), last, base, s.open(), s.high(), s.low(),
                listing.band().upper(), listing.band().lower(), s.volume(), s.value(),
                TickSize.of(listing.market(), listing.date(), last)));
    }

    @Override
    public Optional<OrderBook> orderBook(Symbol symbol) {
        Optional<BookSnapshot> found = exchange.orderBook(symbol);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BookSnapshot book = found.get();
        long last = quote(symbol).map(Quote::price).orElse(0L);
        return Optional.of(new OrderBook(symbol, book.time().atZone(KST).toLocalTime().truncatedTo(ChronoUnit.SECONDS),
                levels(book.asks()), levels(book.bids()), last, book.indicativePrice(), book.indicativeVolume()));
    }

    private static List<Level> levels(List<BookLevel> side) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < Math.min(10, side.size()); i++) {
            levels.add(new Level(side.get(i).price(), side.get(i).quantity()));
        }
        return levels;
    }

    @Override
    public OrderResult placeOrder(OrderRequest request) {
        String orderNo;
        synchronized (lock) {
            orderNo = String.format("%010d", nextOrderNo++);
            Row row = new Row(orderNo, "", request.account(), request.symbol(), request.side(), request.kind(),
                    request.kind() == OrderKind.MARKET ? 0L : request.price(), request.quantity(), now(), false);
            rowsByOrderNo.put(orderNo, row);
        }
        ClientOrderKey key = new ClientOrderKey(KEY_PREFIX + orderNo);
        AccountId account = accountId(request.account());
        NewOrder order = request.kind() == OrderKind.MARKET
                ? NewOrder.market(key, account, request.symbol(), request.side(), request.quantity())
                : NewOrder.limit(key, account, request.symbol(), request.side(), request.price(), request.quantity());
        OrderResponse response = exchange.submit(order);
        if (response instanceof OrderRejected rejected) {
            synchronized (lock) {
                rowsByOrderNo.remove(orderNo);
            }
            return rejection(rejected);
        }
        OrderAccepted accepted = (OrderAccepted) response;
        return new Accepted(orderNo, BRANCH, kst(accepted.time()).toLocalTime().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public OrderResult modify(KisAccount account, String orderNo, OrderKind kind, long newPrice, long newQuantity) {
        Row original;
        ExchangeOrderId exchangeId;
        String newOrderNo;
        synchronized (lock) {
            original = rowsByOrderNo.get(orderNo);
            exchangeId = original == null ? null : exchangeIdOf(original);
            if (original == null || exchangeId == null || !original.account.equals(account)
                    || original.remaining() == 0) {
                return new Rejected(KisMessages.ORDER_NOT_OPEN, KisMessages.ORDER_NOT_OPEN_TEXT);
            }
            if (kind != original.kind) {
                // The matching engine re-prices an order but cannot turn a limit order into a market one.
                return new Rejected(KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
            }
            newOrderNo = String.format("%010d", nextOrderNo++);
            pendingModify.put(exchangeId, new Row(newOrderNo, orderNo, account, original.symbol, original.side, kind,
                    kind == OrderKind.MARKET ? 0L : newPrice, newQuantity, now(), false));
        }
        ModifyResponse response = exchange.modify(new ModifyOrder(accountId(account), exchangeId,
                kind == OrderKind.MARKET ? 0L : newPrice, newQuantity));
        synchronized (lock) {
            pendingModify.remove(exchangeId);
        }
        if (response instanceof OrderRejected rejected) {
            return rejection(rejected);
        }
        OrderModified modified = (OrderModified) response;
        return new Accepted(newOrderNo, BRANCH, kst(modified.time()).toLocalTime().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public OrderResult cancel(KisAccount account, String orderNo) {
        Row original;
        ExchangeOrderId exchangeId;
        synchronized (lock) {
            original = rowsByOrderNo.get(orderNo);
            exchangeId = original == null ? null : exchangeIdOf(original);
            if (original == null || exchangeId == null || !original.account.equals(account)
                    || original.remaining() == 0) {
                return new Rejected(KisMessages.ORDER_NOT_OPEN, KisMessages.ORDER_NOT_OPEN_TEXT);
            }
        }
        CancelResponse response = exchange.cancel(new CancelOrder(accountId(account), exchangeId));
        if (response instanceof OrderRejected rejected) {
            return rejection(rejected);
        }
        OrderCancelled cancelled = (OrderCancelled) response;
        synchronized (lock) {
            String cancelNo = String.format("%010d", nextOrderNo++);
            Row row = new Row(cancelNo, orderNo, account, original.symbol, original.side, original.kind,
                    original.price, cancelled.cancelledQuantity(), kst(cancelled.time()), true);
            row.cancelled = cancelled.cancelledQuantity();
            row.accepted = true;
            rows.add(row);
            rowsByOrderNo.put(cancelNo, row);
            return new Accepted(cancelNo, BRANCH, row.time.toLocalTime().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Override
    public List<OrderRecord> dailyOrders(KisAccount account, LocalDate from, LocalDate to) {
        synchronized (lock) {
            List<OrderRecord> records = new ArrayList<>();
            for (Row row : rows) {
                LocalDate day = row.time.toLocalDate();
                if (row.accepted && row.account.equals(account) && !day.isBefore(from) && !day.isAfter(to)) {
                    Listing listing = listings.get(row.symbol);
                    records.add(new OrderRecord(day, row.time.toLocalTime().truncatedTo(ChronoUnit.SECONDS),
                            row.orderNo, row.originalOrderNo, BRANCH, row.symbol,
                            listing == null ? row.symbol.code() : listing.name(), row.side, row.kind, row.quantity,
                            row.price, row.filled, row.filledAmount, row.cancelled, row.remaining(), row.cancelOrder));
                }
            }
            return records;
        }
    }

    @Override
    public Optional<Balance> balance(KisAccount account) {
        Optional<AccountSnapshot> found = exchange.account(accountId(account));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccountSnapshot snapshot = found.get();
        List<Holding> holdings = new ArrayList<>();
        long bought = 0;
        long sold = 0;
        Map<Symbol, Long> held = new LinkedHashMap<>(snapshot.holdings());
        // Prices first: a quote asks the exchange, which must never be called under this class's lock.
        Set<Symbol> symbols = new java.util.LinkedHashSet<>(held.keySet());
        synchronized (lock) {
            symbols.addAll(costBasis.getOrDefault(accountId(account), Map.of()).keySet());
        }
        Map<Symbol, Long> prices = new HashMap<>();
        for (Symbol symbol : symbols) {
            quote(symbol).ifPresent(q -> prices.put(symbol, q.price()));
        }
        synchronized (lock) {
            Map<Symbol, Cost> basis = costBasis.getOrDefault(accountId(account), Map.of());
            for (Map.Entry<Symbol, Cost> entry : basis.entrySet()) {
                held.putIfAbsent(entry.getKey(), 0L);
            }
            for (Map.Entry<Symbol, Long> entry : held.entrySet()) {
                Cost cost = basis.get(entry.getKey());
                long quantity = entry.getValue();
                if (quantity == 0 && (cost == null || (cost.boughtToday == 0 && cost.soldToday == 0))) {
                    continue;
                }
                long amount = cost == null ? 0L : cost.amount;
                long average = quantity == 0 ? 0L : amount / quantity;
                long price = prices.getOrDefault(entry.getKey(), average);
                Listing listing = listings.get(entry.getKey());
                holdings.add(new Holding(entry.getKey(), listing == null ? entry.getKey().code() : listing.name(),
                        quantity, snapshot.availableShares(entry.getKey()), average, amount, price,
                        cost == null ? 0L : cost.boughtToday, cost == null ? 0L : cost.soldToday));
            }
            for (Row row : rows) {
                if (row.account.equals(account) && !row.cancelOrder) {
                    if (row.side == Side.BUY) {
                        bought += row.filledAmount;
                    } else {
                        sold += row.filledAmount;
                    }
                }
            }
        }
        return Optional.of(new Balance(snapshot.cash(), snapshot.availableCash(), holdings, bought, sold));
    }

    @Override
    public Optional<BuyingPower> buyable(KisAccount account, Symbol symbol, OrderKind kind, long price) {
        Optional<AccountSnapshot> snapshot = exchange.account(accountId(account));
        Optional<Quote> quote = quote(symbol);
        if (snapshot.isEmpty() || quote.isEmpty()) {
            return Optional.empty();
        }
        long unit = kind == OrderKind.MARKET ? quote.get().upperLimit() : (price > 0 ? price : quote.get().price());
        long cash = snapshot.get().availableCash();
        long quantity = unit == 0 ? 0L : cash / unit;
        // The broker reserves the commission with the order value.
        while (quantity > 0 && quantity * unit + costs.commission(quantity * unit) > cash) {
            quantity--;
        }
        return Optional.of(new BuyingPower(cash, unit, quantity));
    }

    /**
     * The KIS order number (ODNO) an exchange order currently goes by: the number {@code placeOrder} answered, or
     * after a modification the modified order's new number. Empty for orders not placed through this venue. Safe to
     * call from an exchange listener registered after this venue (the venue sees each event first).
     */
    public Optional<String> kisOrderNumber(ExchangeOrderId exchangeOrderId) {
        Objects.requireNonNull(exchangeOrderId, "exchangeOrderId");
        synchronized (lock) {
            return Optional.ofNullable(activeRowByExchangeId.get(exchangeOrderId)).map(row -> row.orderNo);
        }
    }

    /** Exchange events for KIS accounts: acceptance, fills, modifications. Runs on the exchange's thread. */
    private void onEvent(ExchangeEvent event) {
        if (event instanceof OrderAccepted accepted && isKisKey(accepted.clientKey())) {
            synchronized (lock) {
                Row row = rowsByOrderNo.get(accepted.clientKey().value().substring(KEY_PREFIX.length()));
                if (row != null && !row.accepted) {
                    row.accepted = true;
                    rows.add(row);
                    activeRowByExchangeId.put(accepted.orderId(), row);
                }
            }
        } else if (event instanceof OrderModified modified) {
            synchronized (lock) {
                Row previous = activeRowByExchangeId.get(modified.orderId());
                Row replacement = pendingModify.remove(modified.orderId());
                if (previous != null && replacement != null) {
                    previous.cancelled += previous.remaining();
                    replacement.accepted = true;
                    rows.add(replacement);
                    rowsByOrderNo.put(replacement.orderNo, replacement);
                    activeRowByExchangeId.put(modified.orderId(), replacement);
                }
            }
        } else if (event instanceof OrderCancelled cancelled) {
            synchronized (lock) {
                Row row = activeRowByExchangeId.get(cancelled.orderId());
                if (row != null) {
                    row.cancelled += row.remaining();
                }
            }
        } else if (event instanceof OrderExecution fill) {
            synchronized (lock) {
                Row row = activeRowByExchangeId.get(fill.orderId());
                if (row == null) {
                    return;
                }
                long amount = fill.fillPrice() * fill.fillQuantity();
                row.filled += fill.fillQuantity();
                row.filledAmount += amount;
                Cost cost = costBasis.computeIfAbsent(fill.account(), a -> new HashMap<>())
                        .computeIfAbsent(row.symbol, s -> new Cost());
                if (fill.side() == Side.BUY) {
                    cost.quantity += fill.fillQuantity();
                    cost.amount += amount;
                    cost.boughtToday += fill.fillQuantity();
                } else {
                    long average = cost.quantity == 0 ? 0L : cost.amount / cost.quantity;
                    cost.quantity -= fill.fillQuantity();
                    cost.amount = cost.quantity <= 0 ? 0L : cost.amount - average * fill.fillQuantity();
                    cost.soldToday += fill.fillQuantity();
                }
            }
        }
    }

    private ExchangeOrderId exchangeIdOf(Row row) {
        for (Map.Entry<ExchangeOrderId, Row> entry : activeRowByExchangeId.entrySet()) {
            if (entry.getValue() == row) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static boolean isKisKey(ClientOrderKey key) {
        return key != null && key.value().startsWith(KEY_PREFIX);
    }

    private static Rejected rejection(OrderRejected rejected) {
        String code = switch (rejected.reason()) {
            case UNKNOWN_SYMBOL -> KisMessages.UNKNOWN_SYMBOL;
            case INVALID_QUANTITY -> KisMessages.INVALID_QUANTITY;
            case INVALID_PRICE, INVALID_TICK, OUTSIDE_PRICE_LIMIT -> KisMessages.INVALID_PRICE;
            case MARKET_CLOSED -> KisMessages.MARKET_CLOSED;
            case TRADING_HALTED -> KisMessages.TRADING_HALTED;
            case INSUFFICIENT_CASH -> KisMessages.INSUFFICIENT_CASH;
            case INSUFFICIENT_SHARES -> KisMessages.INSUFFICIENT_SHARES;
            case UNKNOWN_ACCOUNT -> KisMessages.UNKNOWN_ACCOUNT;
            case UNKNOWN_ORDER, ORDER_NOT_OPEN, MODIFY_QUANTITY_EXCEEDS_OPEN -> KisMessages.ORDER_NOT_OPEN;
        };
        return new Rejected(code, rejected.message());
    }

    private ZonedDateTime now() {
        return kst(exchange.clock().now());
    }

    private static ZonedDateTime kst(Instant instant) {
        return instant.atZone(KST);
    }
}
