package com.aegis.marketsim.kis.rest;

import com.aegis.core.krx.TickSize;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
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
import java.util.TreeMap;

/**
 * A small brokerage over quotes set by hand: a marketable order (market, or a limit at or through the last price)
 * fills in full at the last price at once; other limit orders rest until {@link #setLastPrice} crosses them. No
 * commission or tax is charged, so cash arithmetic in tests stays exact. Time comes from the given clock (KST).
 */
public final class InMemoryKisVenue implements KisVenue {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final String BRANCH = "91252";

    private final Clock clock;
    private final Map<Symbol, MutableQuote> quotes = new LinkedHashMap<>();
    private final Map<KisAccount, Book> accounts = new HashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final Map<Symbol, TreeMap<LocalDate, DayBar>> history = new HashMap<>();
    private final Map<Symbol, Long> listedShares = new HashMap<>();
    private long nextOrderNo = 1;

    public InMemoryKisVenue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Lists a stock at {@code price}, which is also its previous close; the daily limits are ±30 %. */
    public synchronized void listInstrument(Symbol symbol, String name, long price) {
        if (!TickSize.isValid(price)) {
            throw new IllegalArgumentException("listing price " + price + " for " + symbol + " is off the tick grid");
        }
        quotes.put(symbol, new MutableQuote(symbol, name, price));
    }

    /** Moves the last price (a trade elsewhere) and fills every resting order it crosses, at that price. */
    public synchronized void setLastPrice(Symbol symbol, long price) {
        MutableQuote quote = requireQuote(symbol);
        quote.trade(price, 0);
        for (Order order : orders) {
            if (order.symbol.equals(symbol) && order.open() && crosses(order.side, order.kind, order.price, price)) {
                fill(order, price);
            }
        }
    }

    /** Records a completed trading day of a listed stock, replacing any bar of the same date. */
    public synchronized void addDailyBar(Symbol symbol, DayBar bar) {
        requireQuote(symbol);
        Objects.requireNonNull(bar, "bar");
        history.computeIfAbsent(symbol, s -> new TreeMap<>()).put(bar.date(), bar);
    }

    /** The stock's listed shares, shown by the daily chart inquiry (0 until set). */
    public synchronized void setListedShares(Symbol symbol, long shares) {
        requireQuote(symbol);
        if (shares < 0) {
            throw new IllegalArgumentException("listed shares of " + symbol + " must not be negative, got " + shares);
        }
        listedShares.put(symbol, shares);
    }

    @Override
    public synchronized Optional<DailyChart> dailyChart(Symbol symbol, LocalDate from, LocalDate to) {
        MutableQuote quote = quotes.get(symbol);
        if (quote == null) {
            return Optional.empty();
        }
        TreeMap<LocalDate, DayBar> bars = history.getOrDefault(symbol, new TreeMap<>());
        List<DayBar> inRange = from.isAfter(to) ? List.of() : new ArrayList<>(bars.subMap(from, true, to, true).values());
        return Optional.of(new DailyChart(symbol, quote.name, listedShares.getOrDefault(symbol, 0L), inRange));
    }

    public synchronized void openAccount(KisAccount account, long cash) {
        accounts.put(account, new Book(cash));
    }

    public synchronized void setHolding(KisAccount account, Symbol symbol, long quantity, long averagePrice) {
        requireQuote(symbol);
        Position position = requireBook(account).positions.computeIfAbsent(symbol, s -> new Position());
        position.quantity = quantity;
        position.cost = quantity * averagePrice;
    }

    @Override
    public synchronized Optional<Quote> quote(Symbol symbol) {
        return Optional.ofNullable(quotes.get(symbol)).map(MutableQuote::snapshot);
    }

    @Override
    public synchronized Optional<OrderBook> orderBook(Symbol symbol) {
        MutableQuote quote = quotes.get(symbol);
        if (quote == null) {
            return Optional.empty();
        }
        // A synthetic book around the last price: resting client orders on top of a steady crowd of 1,000 shares.
        List<Level> asks = new ArrayList<>();
        List<Level> bids = new ArrayList<>();
        long ask = TickSize.stepUp(quote.price, 1);
        long bid = quote.price;
        for (int i = 0; i < 10; i++) {
            asks.add(new Level(ask, 1_000 + restingAt(symbol, Side.SELL, ask)));
            bids.add(new Level(bid, 1_000 + restingAt(symbol, Side.BUY, bid)));
            ask = TickSize.stepUp(ask, 1);
            bid = TickSize.stepDown(bid, 1);
        }
        return Optional.of(new OrderBook(symbol, now().toLocalTime().truncatedTo(ChronoUnit.SECONDS), asks, bids,
                quote.price, 0L, 0L));
    }

    @Override
    public synchronized OrderResult placeOrder(OrderRequest request) {
        MutableQuote quote = quotes.get(request.symbol());
        Book book = accounts.get(request.account());
        if (book == null) {
            return new Rejected(KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        if (quote == null) {
            return new Rejected(KisMessages.UNKNOWN_SYMBOL, KisMessages.UNKNOWN_SYMBOL_TEXT);
        }
        if (request.quantity() <= 0) {
            return new Rejected(KisMessages.INVALID_QUANTITY, KisMessages.INVALID_QUANTITY_TEXT);
        }
        Optional<Rejected> priceProblem = checkPrice(quote, request.kind(), request.price());
        if (priceProblem.isPresent()) {
            return priceProblem.get();
        }
        Optional<Rejected> fundsProblem = checkFunds(book, request.symbol(), request.side(), request.kind(),
                request.price(), request.quantity(), 0L, 0L);
        if (fundsProblem.isPresent()) {
            return fundsProblem.get();
        }
        ZonedDateTime now = now();
        Order order = new Order(newOrderNo(), "", request.account(), request.symbol(), request.side(),
                request.kind(), request.kind() == OrderKind.MARKET ? 0L : request.price(), request.quantity(), now);
        orders.add(order);
        reserve(book, order);
        if (crosses(order.side, order.kind, order.price, quote.price)) {
            fill(order, quote.price);
        }
        return new Accepted(order.orderNo, BRANCH, order.time.toLocalTime().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public synchronized OrderResult modify(KisAccount account, String orderNo, OrderKind kind, long newPrice,
                                           long newQuantity) {
        Optional<Order> found = openOrder(account, orderNo);
        if (found.isEmpty()) {
            return new Rejected(KisMessages.ORDER_NOT_OPEN, KisMessages.ORDER_NOT_OPEN_TEXT);
        }
        Order original = found.get();
        long openQuantity = original.remaining();
        if (newQuantity <= 0 || newQuantity > openQuantity) {
            return new Rejected(KisMessages.ORDER_NOT_OPEN, KisMessages.ORDER_NOT_OPEN_TEXT);
        }
        MutableQuote quote = requireQuote(original.symbol);
        Optional<Rejected> priceProblem = checkPrice(quote, kind, newPrice);
        if (priceProblem.isPresent()) {
            return priceProblem.get();
        }
        Book book = requireBook(account);
        Optional<Rejected> fundsProblem = checkFunds(book, original.symbol, original.side, kind, newPrice,
                newQuantity, original.reservedCash(), original.side == Side.SELL ? openQuantity : 0L);
        if (fundsProblem.isPresent()) {
            return fundsProblem.get();
        }
        release(book, original);
        original.cancelled += openQuantity;
        Order replacement = new Order(newOrderNo(), original.orderNo, account, original.symbol, original.side, kind,
                kind == OrderKind.MARKET ? 0L : newPrice, newQuantity, now());
        orders.add(replacement);
        reserve(book, replacement);
        if (crosses(replacement.side, replacement.kind, replacement.price, quote.price)) {
            fill(replacement, quote.price);
        }
        return new Accepted(replacement.orderNo, BRANCH, replacement.time.toLocalTime().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public synchronized OrderResult cancel(KisAccount account, String orderNo) {
        Optional<Order> found = openOrder(account, orderNo);
        if (found.isEmpty()) {
            return new Rejected(KisMessages.ORDER_NOT_OPEN, KisMessages.ORDER_NOT_OPEN_TEXT);
        }
        Order original = found.get();
        long openQuantity = original.remaining();
        release(requireBook(account), original);
        original.cancelled += openQuantity;
        Order confirmation = new Order(newOrderNo(), original.orderNo, account, original.symbol, original.side,
                original.kind, original.price, openQuantity, now());
        confirmation.cancelOrder = true;
        confirmation.cancelled = openQuantity;
        orders.add(confirmation);
        return new Accepted(confirmation.orderNo, BRANCH,
                confirmation.time.toLocalTime().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public synchronized List<OrderRecord> dailyOrders(KisAccount account, LocalDate from, LocalDate to) {
        List<OrderRecord> rows = new ArrayList<>();
        for (Order order : orders) {
            LocalDate day = order.time.toLocalDate();
            if (order.account.equals(account) && !day.isBefore(from) && !day.isAfter(to)) {
                rows.add(new OrderRecord(day, order.time.toLocalTime().truncatedTo(ChronoUnit.SECONDS),
                        order.orderNo, order.originalOrderNo, BRANCH, order.symbol, requireQuote(order.symbol).name,
                        order.side, order.kind, order.quantity, order.price, order.filled, order.filledAmount,
                        order.cancelled, order.cancelOrder ? 0L : order.remaining(), order.cancelOrder));
            }
        }
        return rows;
    }

    @Override
    public synchronized Optional<Balance> balance(KisAccount account) {
        Book book = accounts.get(account);
        if (book == null) {
            return Optional.empty();
        }
        List<Holding> holdings = new ArrayList<>();
        for (Map.Entry<Symbol, Position> entry : book.positions.entrySet()) {
            Position position = entry.getValue();
            if (position.quantity == 0 && position.boughtToday == 0 && position.soldToday == 0) {
                continue;
            }
            MutableQuote quote = requireQuote(entry.getKey());
            long average = position.quantity == 0 ? 0L : position.cost / position.quantity;
            holdings.add(new Holding(entry.getKey(), quote.name, position.quantity,
                    position.quantity - position.reservedForSale, average, position.cost, quote.price,
                    position.boughtToday, position.soldToday));
        }
        return Optional.of(new Balance(book.cash, book.cash - book.reservedCash, holdings, book.boughtToday,
                book.soldToday));
    }

    @Override
    public synchronized Optional<BuyingPower> buyable(KisAccount account, Symbol symbol, OrderKind kind, long price) {
        Book book = accounts.get(account);
        MutableQuote quote = quotes.get(symbol);
        if (book == null || quote == null) {
            return Optional.empty();
        }
        // KIS sizes a market order at the upper limit, and a limit order without a price at the last price.
        long unitPrice = kind == OrderKind.MARKET ? quote.upperLimit : (price > 0 ? price : quote.price);
        long cash = book.cash - book.reservedCash;
        return Optional.of(new BuyingPower(cash, unitPrice, unitPrice == 0 ? 0L : cash / unitPrice));
    }

    private Optional<Rejected> checkPrice(MutableQuote quote, OrderKind kind, long price) {
        if (kind == OrderKind.MARKET) {
            return Optional.empty();
        }
        if (price <= 0 || !TickSize.isValid(price) || price > quote.upperLimit || price < quote.lowerLimit) {
            return Optional.of(new Rejected(KisMessages.INVALID_PRICE, KisMessages.INVALID_PRICE_TEXT));
        }
        return Optional.empty();
    }

    private Optional<Rejected> checkFunds(Book book, Symbol symbol, Side side, OrderKind kind, long price,
                                          long quantity, long cashFreedByReplace, long sharesFreedByReplace) {
        if (side == Side.BUY) {
            long unit = kind == OrderKind.MARKET ? requireQuote(symbol).upperLimit : price;
            if (unit * quantity > book.cash - book.reservedCash + cashFreedByReplace) {
                return Optional.of(new Rejected(KisMessages.INSUFFICIENT_CASH, KisMessages.INSUFFICIENT_CASH_TEXT));
            }
        } else {
            Position position = book.positions.get(symbol);
            long available = position == null ? 0L
                    : position.quantity - position.reservedForSale + sharesFreedByReplace;
            if (quantity > available) {
                return Optional.of(new Rejected(KisMessages.INSUFFICIENT_SHARES,
                        KisMessages.INSUFFICIENT_SHARES_TEXT));
            }
        }
        return Optional.empty();
    }

    private void reserve(Book book, Order order) {
        if (order.side == Side.BUY) {
            order.reservedUnit = order.kind == OrderKind.MARKET ? requireQuote(order.symbol).upperLimit : order.price;
            book.reservedCash += order.reservedCash();
        } else {
            book.positions.computeIfAbsent(order.symbol, s -> new Position()).reservedForSale += order.remaining();
        }
    }

    private void release(Book book, Order order) {
        if (order.side == Side.BUY) {
            book.reservedCash -= order.reservedCash();
        } else {
            book.positions.get(order.symbol).reservedForSale -= order.remaining();
        }
    }

    private void fill(Order order, long price) {
        Book book = requireBook(order.account);
        release(book, order);
        long quantity = order.remaining();
        long amount = quantity * price;
        order.filled += quantity;
        order.filledAmount += amount;
        Position position = book.positions.computeIfAbsent(order.symbol, s -> new Position());
        if (order.side == Side.BUY) {
            book.cash -= amount;
            book.boughtToday += amount;
            position.quantity += quantity;
            position.cost += amount;
            position.boughtToday += quantity;
        } else {
            book.cash += amount;
            book.soldToday += amount;
            long average = position.quantity == 0 ? 0L : position.cost / position.quantity;
            position.quantity -= quantity;
            position.cost = position.quantity == 0 ? 0L : position.cost - average * quantity;
            position.soldToday += quantity;
        }
        requireQuote(order.symbol).trade(price, quantity);
    }

    private static boolean crosses(Side side, OrderKind kind, long limit, long lastPrice) {
        if (kind == OrderKind.MARKET) {
            return true;
        }
        return side == Side.BUY ? limit >= lastPrice : limit <= lastPrice;
    }

    private long restingAt(Symbol symbol, Side side, long price) {
        long total = 0;
        for (Order order : orders) {
            if (order.symbol.equals(symbol) && order.side == side && order.price == price && order.open()) {
                total += order.remaining();
            }
        }
        return total;
    }

    private Optional<Order> openOrder(KisAccount account, String orderNo) {
        return orders.stream()
                .filter(o -> o.orderNo.equals(orderNo) && o.account.equals(account) && o.open())
                .findFirst();
    }

    private String newOrderNo() {
        return String.format("%010d", nextOrderNo++);
    }

    private ZonedDateTime now() {
        return ZonedDateTime.ofInstant(clock.instant(), KST);
    }

    private MutableQuote requireQuote(Symbol symbol) {
        MutableQuote quote = quotes.get(symbol);
        if (quote == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not listed on this venue; call listInstrument first");
        }
        return quote;
    }

    private Book requireBook(KisAccount account) {
        Book book = accounts.get(account);
        if (book == null) {
            throw new IllegalArgumentException(account + " is not open on this venue; call openAccount first");
        }
        return book;
    }

    private static final class MutableQuote {
        final Symbol symbol;
        final String name;
        final long previousClose;
        final long upperLimit;
        final long lowerLimit;
        long price;
        long open;
        long high;
        long low;
        long volume;
        long value;

        MutableQuote(Symbol symbol, String name, long previousClose) {
            this.symbol = symbol;
            this.name = name;
            this.previousClose = previousClose;
            this.upperLimit = TickSize.roundDown(previousClose * 13 / 10);
            this.lowerLimit = TickSize.roundUp(previousClose * 7 / 10);
            this.price = previousClose;
            this.open = previousClose;
            this.high = previousClose;
            this.low = previousClose;
        }

        void trade(long tradePrice, long quantity) {
            price = tradePrice;
            high = Math.max(high, tradePrice);
            low = Math.min(low, tradePrice);
            volume += quantity;
            value += quantity * tradePrice;
        }

        Quote snapshot() {
            return new Quote(symbol, name, price, previousClose, open, high, low, upperLimit, lowerLimit, volume,
                    value, TickSize.of(price));
        }
    }

    private static final class Book {
        long cash;
        long reservedCash;
        long boughtToday;
        long soldToday;
        final Map<Symbol, Position> positions = new LinkedHashMap<>();

        Book(long cash) {
            this.cash = cash;
        }
    }

    private static final class Position {
        long quantity;
        long cost;
        long reservedForSale;
        long boughtToday;
        long soldToday;
    }

    private static final class Order {
        final String orderNo;
        final String originalOrderNo;
        final KisAccount account;
        final Symbol symbol;
        final Side side;
        final OrderKind kind;
        final long price;
        final long quantity;
        final ZonedDateTime time;
        long reservedUnit;
        long filled;
        long filledAmount;
        long cancelled;
        boolean cancelOrder;

        Order(String orderNo, String originalOrderNo, KisAccount account, Symbol symbol, Side side, OrderKind kind,
              long price, long quantity, ZonedDateTime time) {
            this.orderNo = orderNo;
            this.originalOrderNo = originalOrderNo;
            this.account = account;
            this.symbol = symbol;
            this.side = side;
            this.kind = kind;
            this.price = price;
            this.quantity = quantity;
            this.time = time;
        }

        long remaining() {
            return quantity - filled - cancelled;
        }

        boolean open() {
            return !cancelOrder && remaining() > 0;
        }

        long reservedCash() {
            return side == Side.BUY ? reservedUnit * remaining() : 0L;
        }
    }
}
