package com.aegis.activities.orders.check;

import static com.aegis.db.jooq.Tables.CASH_LEDGER;
import static com.aegis.db.jooq.Tables.DAILY_BAR;
import static com.aegis.db.jooq.Tables.DAILY_PERFORMANCE;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.POSITION;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SignalId;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.core.risk.InstrumentSnapshot;
import com.aegis.core.risk.MarketView;
import com.aegis.core.risk.OpenOrder;
import com.aegis.core.risk.PortfolioView;
import com.aegis.core.risk.RiskCheck;
import com.aegis.core.risk.RiskDecision;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.risk.TradingState;
import com.aegis.workflows.orders.OrderCheckActivities;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The pre-trade check against the stored account and market (requirements E2, E3): builds core's
 * {@link PortfolioView} and {@link MarketView} from PostgreSQL and a {@link LastPriceSource}, then runs
 * {@link RiskCheck#evaluate(SubmitOrder, PortfolioView, MarketView, RiskLimits)}.
 *
 * <p>The account: shares from {@code position}, cash as the newest {@code cash_ledger.balance_after} (0 without
 * entries), equity as cash plus shares at last prices, start-of-day equity as the newest {@code daily_performance}
 * equity before today (else the current equity), and its open orders (INITIALIZED, SUBMITTED, ACCEPTED,
 * PARTIALLY_FILLED) other than the order itself and, for an execution-algorithm slice, other than its parent and
 * sibling slices. An open order reserves its unfilled quantity at its limit price, a market order at the last price.
 *
 * <p>The market: per stock involved (the order's, the held and the open ones) its listing market, sector code
 * ({@value #UNKNOWN_SECTOR} without one), base price (the last close before today in {@code daily_bar}) and last
 * price. The order's own stock needs both prices; a held or open stock without a last price is valued at its base
 * price. Bad input and missing data give a denial with a reason, never an exception; a database failure is thrown
 * so the activity is retried.
 */
public final class OrderCheckActivitiesImpl implements OrderCheckActivities {

    /** The sector code of an instrument without one. */
    public static final String UNKNOWN_SECTOR = "UNKNOWN";

    private static final List<String> OPEN_STATUSES = List.of(OrderStatus.INITIALIZED.name(),
            OrderStatus.SUBMITTED.name(), OrderStatus.ACCEPTED.name(), OrderStatus.PARTIALLY_FILLED.name());

    private static final TradingCosts COSTS = TradingCosts.standard();

    private final DSLContext db;
    private final LastPriceSource prices;
    private final Supplier<TradingState> state;
    private final RiskLimits limits;
    private final Clock clock;
    private final double clockSpeed;
    private final KrxCalendar calendar = KrxCalendar.standard();

    /**
     * @param db     the database with the instruments, daily bars, positions, cash ledger, performance and orders
     * @param prices last trade prices
     * @param state  the account's trading state now (the day's trading control); null means always ACTIVE
     * @param limits the risk limits
     * @param clock  the time of the check (the order's creation time and "today" in Seoul)
     */
    public OrderCheckActivitiesImpl(DSLContext db, LastPriceSource prices, Supplier<TradingState> state,
            RiskLimits limits, Clock clock) {
        this(db, prices, state, limits, clock, 1.0);
    }

    /**
     * As above, on a venue whose clock runs {@code clockSpeed} times real time (an accelerated simulated session);
     * {@code clock} is then the venue's clock.
     */
    public OrderCheckActivitiesImpl(DSLContext db, LastPriceSource prices, Supplier<TradingState> state,
            RiskLimits limits, Clock clock, double clockSpeed) {
        if (!(clockSpeed > 0) || Double.isInfinite(clockSpeed)) {
            throw new IllegalArgumentException("clock speed must be positive, got " + clockSpeed);
        }
        this.clockSpeed = clockSpeed;
        this.db = Objects.requireNonNull(db, "db");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.state = state == null ? () -> TradingState.ACTIVE : state;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** ACTIVE trading, the default limits and the system clock. */
    public OrderCheckActivitiesImpl(DSLContext db, LastPriceSource prices) {
        this(db, prices, () -> TradingState.ACTIVE, RiskLimits.defaults(), Clock.systemUTC());
    }

    @Override
    public Validation validate(ValidationRequest request) {
        if (request == null) {
            return deny(DenialReason.INVALID_ORDER, "no order to check");
        }
        String code = request.symbol();
        if (code == null || code.length() != 6) {
            return deny(DenialReason.INVALID_ORDER, "order " + request.clientOrderId() + " refused: symbol '" + code
                    + "' is not a 6-character KRX short code");
        }
        Symbol symbol;
        try {
            symbol = Symbol.of(code);
        } catch (IllegalArgumentException e) {
            return deny(DenialReason.INVALID_ORDER, "order " + request.clientOrderId() + " refused: symbol '" + code
                    + "' is not a 6-digit short code, which the pre-trade check requires");
        }
        Instant now = clock.instant();
        SubmitOrder order;
        try {
            order = command(request, symbol, now);
        } catch (IllegalArgumentException | NullPointerException e) {
            return deny(DenialReason.INVALID_ORDER, "order " + request.clientOrderId() + " refused: "
                    + e.getMessage());
        }
        TradingState tradingState = state.get();
        if (tradingState == null) {
            return deny(DenialReason.TRADING_HALTED, "order " + order.clientOrderId() + " refused: the trading state"
                    + " is unknown, so no order may go out");
        }
        if (tradingState == TradingState.HALTED) {
            PortfolioView nothing = new PortfolioView(0, 0, 0, Map.of(), Map.of(), List.of(), tradingState);
            return Validation.of(RiskCheck.evaluate(order, nothing, new MarketView(Map.of(), calendar), limits,
                    COSTS));
        }
        LocalDate today = LocalDate.ofInstant(now, KrxCalendar.KST);
        try {
            return Validation.of(check(order, request.parentOrderId(), tradingState, today));
        } catch (ArithmeticException e) {
            return deny(DenialReason.INVALID_ORDER, "order " + order.clientOrderId() + " refused: its amounts do not"
                    + " fit in KRW arithmetic (" + e.getMessage() + ")");
        }
    }

    @Override
    public MarketClockReading marketClock() {
        return new MarketClockReading(clock.instant(), clockSpeed);
    }

    @Override
    public LastPrice lastPrice(String symbol) {
        if (symbol == null || !isDigitCode(symbol)) {
            return new LastPrice(false, 0);
        }
        return prices.lastPrice(Symbol.of(symbol)).filter(p -> p > 0).map(p -> new LastPrice(true, p))
                .orElse(new LastPrice(false, 0));
    }

    private RiskDecision check(SubmitOrder order, String parentOrderId, TradingState tradingState, LocalDate today) {
        String code = order.symbol().code();
        String account = order.accountId().value();

        Map<String, Long> held = new HashMap<>();
        db.select(POSITION.SYMBOL, POSITION.QUANTITY).from(POSITION)
                .where(POSITION.ACCOUNT.eq(account), POSITION.QUANTITY.gt(0L))
                .forEach(r -> held.put(r.value1(), r.value2()));
        List<OpenRow> open = openOrders(account, order.clientOrderId().value(), parentOrderId);

        Set<String> involved = new LinkedHashSet<>();
        involved.add(code);
        involved.addAll(held.keySet());
        open.forEach(o -> involved.add(o.symbol()));

        Map<String, InstrumentRow> instruments = instruments(involved);
        InstrumentRow inst = instruments.get(code);
        if (inst == null) {
            return RiskDecision.deny(DenialReason.NO_MARKET_DATA, "order " + order.clientOrderId() + " refused: symbol "
                    + code + " is unknown (not in the instrument master), so it cannot be checked");
        }
        if (inst.delistedOn() != null && !inst.delistedOn().isAfter(today)) {
            return RiskDecision.deny(DenialReason.INVALID_ORDER, "order " + order.clientOrderId() + " refused: "
                    + code + " was delisted on " + inst.delistedOn());
        }

        Map<String, Long> basePrices = basePrices(involved, today);
        List<Symbol> digitCodes = involved.stream().filter(OrderCheckActivitiesImpl::isDigitCode).map(Symbol::of)
                .toList();
        Map<Symbol, Long> lastPrices = prices.lastPrices(digitCodes);

        Long orderBase = basePrices.get(code);
        Long orderLast = lastPrices.get(order.symbol());
        if (orderBase == null || orderLast == null || orderLast <= 0) {
            return RiskDecision.deny(DenialReason.NO_MARKET_DATA, "order " + order.clientOrderId() + " refused: no "
                    + (orderBase == null ? "close before " + today + " (base price)" : "last trade price") + " for "
                    + code + "; the check needs its base and last price");
        }

        Map<String, Long> marks = new HashMap<>();
        for (String s : involved) {
            Long last = isDigitCode(s) ? lastPrices.get(Symbol.of(s)) : null;
            Long mark = last != null && last > 0 ? last : basePrices.get(s);
            if (mark == null) {
                return RiskDecision.deny(DenialReason.NO_MARKET_DATA, "order " + order.clientOrderId() + " refused: "
                        + s + (held.containsKey(s) ? " is held" : " has an open order") + " but has no price, so"
                        + " the account cannot be valued");
            }
            marks.put(s, mark);
        }

        List<InstrumentSnapshot> snapshots = new ArrayList<>();
        for (String s : involved) {
            InstrumentRow row = instruments.get(s);
            Long base = basePrices.get(s);
            if (row != null && base != null && isDigitCode(s)) {
                snapshots.add(new InstrumentSnapshot(Symbol.of(s), row.market(), row.sector(), base, marks.get(s)));
            }
        }

        long cash = cash(account);
        long marketValue = 0;
        Map<Symbol, Long> heldQuantities = new HashMap<>();
        Map<Symbol, Long> marketValues = new HashMap<>();
        for (Map.Entry<String, Long> e : held.entrySet()) {
            long value = Math.multiplyExact(e.getValue(), marks.get(e.getKey()));
            marketValue = Math.addExact(marketValue, value);
            if (isDigitCode(e.getKey())) {
                heldQuantities.put(Symbol.of(e.getKey()), e.getValue());
                marketValues.put(Symbol.of(e.getKey()), value);
            }
        }
        long equity = Math.addExact(cash, marketValue);

        List<OpenOrder> openOrders = new ArrayList<>();
        long unnamedReservations = 0;
        for (OpenRow o : open) {
            long leaves = Math.max(0, o.quantity() - o.filled());
            long price = o.limitPrice() != null && o.limitPrice() > 0 ? o.limitPrice() : marks.get(o.symbol());
            if (isDigitCode(o.symbol())) {
                openOrders.add(new OpenOrder(ClientOrderId.of(o.clientOrderId()), Symbol.of(o.symbol()), o.side(),
                        leaves, price));
            } else if (o.side() == Side.BUY) {
                // Core names only digit codes; such a buy still holds back cash and its commission.
                long notional = Math.multiplyExact(leaves, price);
                unnamedReservations = Math.addExact(unnamedReservations,
                        Math.addExact(notional, COSTS.commission(notional)));
            }
        }
        long startOfDayEquity = startOfDayEquity(account, today).orElse(equity);

        PortfolioView portfolio = new PortfolioView(equity, startOfDayEquity, cash - unnamedReservations,
                heldQuantities, marketValues, openOrders, tradingState);
        return RiskCheck.evaluate(order, portfolio, new MarketView(toMap(snapshots), calendar), limits, COSTS);
    }

    private static SubmitOrder command(ValidationRequest r, Symbol symbol, Instant now) {
        Optional<SignalId> signal = r.signalId() > 0 ? Optional.of(SignalId.of(r.signalId())) : Optional.empty();
        Optional<ClientOrderId> parent = r.parentOrderId() == null || r.parentOrderId().isBlank()
                ? Optional.empty() : Optional.of(ClientOrderId.of(r.parentOrderId()));
        return new SubmitOrder(ClientOrderId.of(r.clientOrderId()), AccountId.of(r.accountId()), symbol,
                Objects.requireNonNull(r.market(), "the order names no market"),
                Objects.requireNonNull(r.side(), "the order names no side"),
                Objects.requireNonNull(r.type(), "the order names no order type"),
                r.quantity(), r.limitPrice(), r.decisionPrice(), signal, parent, now);
    }

    private List<OpenRow> openOrders(String account, String clientOrderId, String parentOrderId) {
        Condition condition = ORDERS.ACCOUNT.eq(account).and(ORDERS.STATUS.in(OPEN_STATUSES))
                .and(ORDERS.CLIENT_ORDER_ID.ne(clientOrderId));
        if (parentOrderId != null && !parentOrderId.isBlank()) {
            condition = condition.and(ORDERS.CLIENT_ORDER_ID.ne(parentOrderId))
                    .and(ORDERS.PARENT_ORDER_ID.isDistinctFrom(parentOrderId));
        }
        return db.select(ORDERS.CLIENT_ORDER_ID, ORDERS.SYMBOL, ORDERS.SIDE, ORDERS.LIMIT_PRICE, ORDERS.QUANTITY,
                        ORDERS.FILLED_QUANTITY)
                .from(ORDERS).where(condition).orderBy(ORDERS.CREATED_AT, ORDERS.CLIENT_ORDER_ID)
                .fetch(r -> new OpenRow(r.value1(), r.value2(), Side.valueOf(r.value3()), r.value4(), r.value5(),
                        r.value6()));
    }

    private Map<String, InstrumentRow> instruments(Set<String> codes) {
        Map<String, InstrumentRow> rows = new HashMap<>();
        db.select(INSTRUMENT.SYMBOL, INSTRUMENT.MARKET, INSTRUMENT.SECTOR_CODE, INSTRUMENT.DELISTED_ON)
                .from(INSTRUMENT).where(INSTRUMENT.SYMBOL.in(codes))
                .forEach(r -> rows.put(r.value1(), new InstrumentRow(Market.valueOf(r.value2()),
                        r.value3() == null ? UNKNOWN_SECTOR : r.value3(), r.value4())));
        return rows;
    }

    /** The last close before {@code today} per symbol. */
    private Map<String, Long> basePrices(Set<String> codes, LocalDate today) {
        Map<String, Long> base = new HashMap<>();
        db.selectDistinct(DAILY_BAR.SYMBOL, DAILY_BAR.CLOSE).on(DAILY_BAR.SYMBOL).from(DAILY_BAR)
                .where(DAILY_BAR.SYMBOL.in(codes), DAILY_BAR.TRADE_DATE.lt(today))
                .orderBy(DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE.desc())
                .forEach(r -> base.put(r.value1(), r.value2()));
        return base;
    }

    private long cash(String account) {
        return db.select(CASH_LEDGER.BALANCE_AFTER).from(CASH_LEDGER).where(CASH_LEDGER.ACCOUNT.eq(account))
                .orderBy(CASH_LEDGER.OCCURRED_AT.desc(), CASH_LEDGER.ID.desc()).limit(1)
                .fetchOptional(CASH_LEDGER.BALANCE_AFTER).orElse(0L);
    }

    private Optional<Long> startOfDayEquity(String account, LocalDate today) {
        return db.select(DAILY_PERFORMANCE.EQUITY).from(DAILY_PERFORMANCE)
                .where(DAILY_PERFORMANCE.ACCOUNT.eq(account), DAILY_PERFORMANCE.TRADE_DATE.lt(today))
                .orderBy(DAILY_PERFORMANCE.TRADE_DATE.desc()).limit(1).fetchOptional(DAILY_PERFORMANCE.EQUITY);
    }

    private static Map<Symbol, InstrumentSnapshot> toMap(List<InstrumentSnapshot> snapshots) {
        Map<Symbol, InstrumentSnapshot> map = new HashMap<>();
        snapshots.forEach(s -> map.put(s.symbol(), s));
        return map;
    }

    private static boolean isDigitCode(String code) {
        return code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Validation deny(DenialReason reason, String message) {
        return Validation.of(RiskDecision.deny(reason, message));
    }

    private record InstrumentRow(Market market, String sector, LocalDate delistedOn) {
    }

    private record OpenRow(String clientOrderId, String symbol, Side side, Long limitPrice, long quantity,
            long filled) {
    }
}
