package com.aegis.marketsim.exchange;

import com.aegis.core.krx.FillCost;
import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.krx.TradingDaySchedule;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.ScheduledCallback;
import com.aegis.marketsim.clock.Scheduler;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.participant.ParticipantFlow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated KRX venue for one trading day at a time: a matching engine per stock, the session timetable, the
 * simulated crowd's order flow, the broker's accounts for the system's own orders, and the event stream.
 *
 * <p>All calls are serialised on this object, and every timed callback (session changes, VI auction ends, crowd
 * orders) runs under the same lock, so the simulator may be driven by a clock thread while order entry comes from
 * others. With a {@link com.aegis.marketsim.clock.ClockMode#STEPPED} clock and a fixed seed, a day replays exactly.
 */
public final class ExchangeSimulator {

    /** The account the simulated crowd trades under; it has no cash limits and pays no costs. */
    public static final AccountId CROWD = new AccountId("SIM-CROWD");

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final SimulationClock clock;
    private final SimulatorSettings settings;
    private final Scheduler scheduler;
    private final ExchangeEventBus bus = new ExchangeEventBus();
    private final OrderNumbering numbering = new OrderNumbering();
    private final BrokerAccounts accounts;
    private final Map<Symbol, MatchingEngine> engines = new LinkedHashMap<>();
    private final Map<Symbol, ParticipantFlow> flows = new LinkedHashMap<>();
    private final Map<ClientOrderKey, OrderResponse> responsesByKey = new HashMap<>();
    private final Map<ExchangeOrderId, OwnOrder> ownOrders = new HashMap<>();
    private final List<ScheduledCallback> sessionCallbacks = new ArrayList<>();
    private TradingDaySchedule schedule;
    private boolean dayOpen;

    public ExchangeSimulator(SimulationClock clock, SimulatorSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = clock.wrapping(action -> () -> {
            synchronized (this) {
                action.run();
            }
        });
        this.accounts = new BrokerAccounts(settings.costs()::commission);
        bus.addListener(accounts);
    }

    public SimulationClock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ day lifecycle

    /**
     * Lists the stocks of {@code date} and schedules its sessions (from the KRX calendar: 08:30 order entry, 09:00
     * open, 15:20 closing auction, 15:30 close on a regular day; later on the first trading day of the year and on
     * the CSAT day). The previous day must be closed.
     *
     * @throws IllegalArgumentException if {@code date} is not a KRX trading day or a symbol is planned twice
     * @throws IllegalStateException    if the previous day has not closed yet
     */
    public synchronized void openDay(LocalDate date, List<DayPlan> plans) {
        Objects.requireNonNull(date, "date");
        if (dayOpen) {
            throw new IllegalStateException("trading day " + schedule.date() + " is still open; run it past "
                    + schedule.marketClose() + " KST before opening " + date);
        }
        TradingDaySchedule day = settings.calendar().schedule(date);
        if (!day.tradingDay()) {
            throw new IllegalArgumentException(date + " is not a KRX trading day (" + day.description() + ")");
        }
        Map<Symbol, DayPlan> bySymbol = new LinkedHashMap<>();
        for (DayPlan plan : plans) {
            if (bySymbol.putIfAbsent(plan.symbol(), plan) != null) {
                throw new IllegalArgumentException("symbol " + plan.symbol() + " is planned twice for " + date);
            }
        }
        engines.clear();
        flows.clear();
        ownOrders.clear();
        schedule = day;
        dayOpen = true;
        for (DayPlan plan : bySymbol.values()) {
            PriceBand band = PriceLimits.of(plan.market(), date, plan.basePrice());
            InstrumentDay instrument = new InstrumentDay(plan.symbol(), plan.market(), plan.kospi200(), date, band);
            FillCharging charging = (side, price, quantity) -> {
                FillCost cost = settings.costs().cost(side, plan.market(), date, price, quantity);
                return new FillCharges(cost.commission(), cost.tax());
            };
            MatchingEngine engine = new MatchingEngine(instrument, scheduler, bus, numbering, charging,
                    settings.volatilityInterruptions());
            engines.put(plan.symbol(), engine);
            accounts.setMarketBuyReservePrice(plan.symbol(), band.upper());
            if (plan.halted()) {
                engine.halt("trading suspended for the day");
            } else if (settings.participants() && plan.volume() > 0) {
                flows.put(plan.symbol(), new ParticipantFlow(plan, engine, scheduler, day, settings.flow(),
                        settings.seed()));
            }
        }
        sessionCallbacks.clear();
        sessionCallbacks.add(scheduler.schedule(at(day.openingAuctionStart()),
                () -> engines.values().forEach(MatchingEngine::startPreOpenAuction)));
        sessionCallbacks.add(scheduler.schedule(at(day.marketOpen()),
                () -> engines.values().forEach(MatchingEngine::openContinuousTrading)));
        sessionCallbacks.add(scheduler.schedule(at(day.closingAuctionStart()),
                () -> engines.values().forEach(MatchingEngine::startClosingAuction)));
        sessionCallbacks.add(scheduler.schedule(at(day.marketClose()), () -> {
            engines.values().forEach(MatchingEngine::closeDay);
            dayOpen = false;
        }));
        flows.values().forEach(ParticipantFlow::start);
    }

    /**
     * Runs the day until {@code kst} (KST on the open day): in a stepped clock this steps there at once, otherwise it
     * waits in wall time. Returns early, with the thread's interrupt flag set, if the thread is interrupted.
     */
    public void runUntil(LocalTime kst) {
        Instant target;
        synchronized (this) {
            if (schedule == null) {
                throw new IllegalStateException("no trading day is open; call openDay first");
            }
            target = at(kst);
        }
        try {
            clock.runUntil(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The open (or last) day's session times. */
    public synchronized Optional<TradingDaySchedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    // ------------------------------------------------------------------ order entry

    /**
     * Places an order for an account. Idempotent by client key: the same key again returns the first response
     * (acceptance or rejection) and never places a second order.
     */
    public synchronized OrderResponse submit(NewOrder order) {
        OrderResponse earlier = responsesByKey.get(order.clientKey());
        if (earlier != null) {
            return earlier;
        }
        OrderResponse response = place(order);
        responsesByKey.put(order.clientKey(), response);
        if (response instanceof OrderAccepted accepted) {
            ownOrders.put(accepted.orderId(), new OwnOrder(order.account(), order.symbol()));
        }
        return response;
    }

    private OrderResponse place(NewOrder order) {
        MatchingEngine engine = engines.get(order.symbol());
        if (engine == null) {
            return publishRejection(order.symbol(), order.clientKey(), null, new Rejection(RejectReason.UNKNOWN_SYMBOL,
                    "symbol " + order.symbol() + " is not listed on the simulated exchange today"));
        }
        if (!accounts.exists(order.account())) {
            return publishRejection(order.symbol(), order.clientKey(), null, new Rejection(
                    RejectReason.UNKNOWN_ACCOUNT, "account " + order.account() + " is not registered"));
        }
        Optional<Rejection> refusal = engine.validate(order.type(), order.price(), order.quantity());
        if (refusal.isEmpty()) {
            refusal = accounts.checkNewOrder(order);
        }
        if (refusal.isPresent()) {
            return publishRejection(order.symbol(), order.clientKey(), null, refusal.get());
        }
        return engine.submit(order, true);
    }

    /** Modifies one of the account's open orders (price and/or a smaller open quantity). */
    public synchronized ModifyResponse modify(ModifyOrder command) {
        OwnOrder own = ownOrders.get(command.orderId());
        if (own == null || !own.account().equals(command.account())) {
            return unknownOrder(command.orderId(), command.account());
        }
        MatchingEngine engine = engines.get(own.symbol());
        Optional<Rejection> refusal = accounts.checkModify(command.orderId(), command.newPrice(),
                command.newQuantity());
        if (refusal.isPresent() && engine.order(command.orderId()).map(RestingOrderView::open).orElse(false)) {
            return publishRejection(own.symbol(), null, command.orderId(), refusal.get());
        }
        return engine.modify(command.orderId(), command.newPrice(), command.newQuantity());
    }

    /** Cancels one of the account's open orders. */
    public synchronized CancelResponse cancel(CancelOrder command) {
        OwnOrder own = ownOrders.get(command.orderId());
        if (own == null || !own.account().equals(command.account())) {
            return unknownOrder(command.orderId(), command.account());
        }
        return engines.get(own.symbol()).cancel(command.orderId());
    }

    private OrderRejected unknownOrder(ExchangeOrderId id, AccountId account) {
        // the stock of an order this account does not own cannot be told without leaking another account's order
        return publishRejection(null, null, id, new Rejection(RejectReason.UNKNOWN_ORDER,
                "account " + account + " has no order " + id + " today"));
    }

    private OrderRejected publishRejection(Symbol symbol, ClientOrderKey key, ExchangeOrderId target,
                                           Rejection rejection) {
        OrderRejected rejected = new OrderRejected(bus.nextSequence(), clock.now(), symbol, key, target,
                rejection.reason(), rejection.detail());
        bus.publish(rejected);
        return rejected;
    }

    // ------------------------------------------------------------------ market control and queries

    /** Halts a stock (거래정지) until {@link #resume}. */
    public synchronized void halt(Symbol symbol, String reason) {
        engine(symbol).halt(reason);
    }

    /** Lifts a halt; in trading hours the stock reopens through a 10-minute single-price auction. */
    public synchronized void resume(Symbol symbol) {
        engine(symbol).resume();
    }

    /** The top 10 levels of a listed stock's book, or empty if the symbol is not listed today. */
    public synchronized Optional<BookSnapshot> orderBook(Symbol symbol) {
        MatchingEngine engine = engines.get(symbol);
        return engine == null ? Optional.empty() : Optional.of(engine.snapshot(OrderBook.PUBLISHED_DEPTH));
    }

    /** The last trade of a listed stock today, if any. */
    public synchronized Optional<TradePrint> lastTrade(Symbol symbol) {
        MatchingEngine engine = engines.get(symbol);
        return engine == null ? Optional.empty() : engine.lastTrade();
    }

    public synchronized Optional<SessionStats> stats(Symbol symbol) {
        MatchingEngine engine = engines.get(symbol);
        return engine == null ? Optional.empty() : Optional.of(engine.stats());
    }

    public synchronized Optional<TradingState> tradingState(Symbol symbol) {
        MatchingEngine engine = engines.get(symbol);
        return engine == null ? Optional.empty() : Optional.of(engine.state());
    }

    /** The state of any order placed today (own or crowd), by exchange order number. */
    public synchronized Optional<RestingOrderView> order(Symbol symbol, ExchangeOrderId id) {
        MatchingEngine engine = engines.get(symbol);
        return engine == null ? Optional.empty() : engine.order(id);
    }

    /** Listed symbols of the open day, in plan order. */
    public synchronized List<Symbol> symbols() {
        return List.copyOf(engines.keySet());
    }

    /** Registers a listener for every event from now on; listeners run on the simulator's thread, under its lock. */
    public void addListener(ExchangeListener listener) {
        bus.addListener(listener);
    }

    public void removeListener(ExchangeListener listener) {
        bus.removeListener(listener);
    }

    // ------------------------------------------------------------------ accounts

    public synchronized void openAccount(AccountId account, long cash) {
        if (CROWD.equals(account)) {
            throw new IllegalArgumentException(CROWD + " is reserved for the simulated crowd");
        }
        accounts.open(account, cash);
    }

    public synchronized void deposit(AccountId account, long amount) {
        accounts.deposit(account, amount);
    }

    public synchronized void setHolding(AccountId account, Symbol symbol, long shares) {
        accounts.setHolding(account, symbol, shares);
    }

    public synchronized Optional<AccountSnapshot> account(AccountId account) {
        return accounts.snapshot(account);
    }

    // ------------------------------------------------------------------ internals

    private MatchingEngine engine(Symbol symbol) {
        MatchingEngine engine = engines.get(symbol);
        if (engine == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not listed on the simulated exchange today");
        }
        return engine;
    }

    private Instant at(LocalTime kst) {
        return ZonedDateTime.of(schedule.date(), kst, KST).toInstant();
    }

    private record OwnOrder(AccountId account, Symbol symbol) {
    }
}
