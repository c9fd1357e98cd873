package com.aegis.core.portfolio;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.TradeId;
import com.aegis.core.krx.FillCost;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The positions and cash of one account, and its equity and daily P&amp;L at mark prices.
 *
 * <p>A fill is booked once: the position, then BUY/SELL, COMMISSION and TAX ledger entries that reference the trade
 * id; booking the same trade again changes nothing. Costs come from {@link TradingCosts}, to the won per fill.
 * Not thread-safe: one writer per account.
 */
public final class Portfolio {

    private final AccountId account;
    private final TradingCosts costs;
    private final CashLedger cash;
    private final Map<Symbol, Position> positions = new TreeMap<>(Comparator.comparing(Symbol::code));
    private final Map<TradeId, Trade> bookedTrades = new HashMap<>();
    private LocalDate tradeDate;
    private long startOfDayEquity;

    public Portfolio(AccountId account, TradingCosts costs) {
        this.account = Objects.requireNonNull(account, "account");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.cash = new CashLedger(account);
    }

    public AccountId account() {
        return account;
    }

    /** Books a cash deposit. */
    public PostingOutcome deposit(long amount, String reference, LocalDate date, Instant at) {
        return cash.post(CashEntryType.DEPOSIT, amount, reference, date, at);
    }

    /**
     * Books a fill: position, cash, commission and tax.
     *
     * @return {@link PostingOutcome#DUPLICATE_IGNORED} if this trade was booked before
     * @throws IllegalStateException        if the trade id was booked with other details
     * @throws InsufficientSharesException  if a sell exceeds the shares held (nothing is booked)
     */
    public PostingOutcome book(Trade trade) {
        Objects.requireNonNull(trade, "trade");
        Trade known = bookedTrades.get(trade.tradeId());
        if (known != null) {
            if (!known.equals(trade)) {
                throw new IllegalStateException("trade " + trade.tradeId() + " is booked as " + known
                        + " and now arrives as " + trade + "; not booked: reconcile the fills with the broker");
            }
            return PostingOutcome.DUPLICATE_IGNORED;
        }
        FillCost cost = costs.cost(trade.side(), trade.market(), trade.tradeDate(), trade.price(), trade.quantity());
        Position before = positions.getOrDefault(trade.symbol(), Position.flat(trade.symbol(), trade.market()));
        Position after = before.apply(trade, cost);
        positions.put(trade.symbol(), after);
        bookedTrades.put(trade.tradeId(), trade);
        String ref = trade.tradeId().value();
        if (trade.side() == Side.BUY) {
            cash.post(CashEntryType.BUY, -cost.notional(), ref, trade.tradeDate(), trade.occurredAt());
        } else {
            cash.post(CashEntryType.SELL, cost.notional(), ref, trade.tradeDate(), trade.occurredAt());
        }
        if (cost.commission() > 0) {
            cash.post(CashEntryType.COMMISSION, -cost.commission(), ref, trade.tradeDate(), trade.occurredAt());
        }
        if (cost.tax() > 0) {
            cash.post(CashEntryType.TAX, -cost.tax(), ref, trade.tradeDate(), trade.occurredAt());
        }
        return PostingOutcome.POSTED;
    }

    /** Cash balance, KRW. */
    public long cash() {
        return cash.balance();
    }

    public CashLedger ledger() {
        return cash;
    }

    public Optional<Position> position(Symbol symbol) {
        return Optional.ofNullable(positions.get(symbol));
    }

    /** Shares held of a symbol (0 if none). */
    public long quantity(Symbol symbol) {
        Position p = positions.get(symbol);
        return p == null ? 0 : p.quantity();
    }

    /** Every position with shares, ordered by symbol. */
    public List<Position> openPositions() {
        return positions.values().stream().filter(p -> !p.isFlat()).toList();
    }

    /** Every position ever traded, flat ones included (they carry realised P&amp;L), ordered by symbol. */
    public List<Position> allPositions() {
        return List.copyOf(positions.values());
    }

    /** Σ realised P&amp;L over all positions, KRW. */
    public long realisedPnl() {
        return positions.values().stream().mapToLong(Position::realisedPnl).sum();
    }

    /**
     * Cash plus the market value of every position at the mark prices.
     *
     * @throws IllegalArgumentException naming the symbols that have shares but no mark price
     */
    public long equity(Map<Symbol, Long> marks) {
        long equity = cash.balance();
        for (Position p : openPositions()) {
            equity = Math.addExact(equity, p.marketValue(mark(marks, p.symbol())));
        }
        return equity;
    }

    /** Market value of a symbol's position at its mark (0 if none). */
    public long marketValue(Symbol symbol, Map<Symbol, Long> marks) {
        Position p = positions.get(symbol);
        return p == null || p.isFlat() ? 0 : p.marketValue(mark(marks, symbol));
    }

    /** Starts a trading day: the equity at these marks (normally the previous closes) is the daily P&amp;L baseline. */
    public void startDay(LocalDate date, Map<Symbol, Long> marks) {
        this.tradeDate = Objects.requireNonNull(date, "date");
        this.startOfDayEquity = equity(marks);
    }

    /** The day started by {@link #startDay}, if any. */
    public Optional<LocalDate> tradeDate() {
        return Optional.ofNullable(tradeDate);
    }

    public long startOfDayEquity() {
        requireDayStarted();
        return startOfDayEquity;
    }

    /** Equity now minus equity at the start of the day, KRW. */
    public long dailyPnl(Map<Symbol, Long> marks) {
        requireDayStarted();
        return equity(marks) - startOfDayEquity;
    }

    private void requireDayStarted() {
        if (tradeDate == null) {
            throw new IllegalStateException("account " + account + ": no trading day started; call startDay with"
                    + " the previous closes first");
        }
    }

    private long mark(Map<Symbol, Long> marks, Symbol symbol) {
        Long mark = marks.get(symbol);
        if (mark == null) {
            List<String> missing = new ArrayList<>();
            for (Position p : openPositions()) {
                if (!marks.containsKey(p.symbol())) {
                    missing.add(p.symbol().code());
                }
            }
            throw new IllegalArgumentException("account " + account + ": no mark price for held symbol(s) " + missing
                    + "; pass a price for every position");
        }
        return mark;
    }
}
