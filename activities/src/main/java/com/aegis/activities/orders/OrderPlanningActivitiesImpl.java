package com.aegis.activities.orders;

import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.SIGNAL;

import com.aegis.activities.orders.check.LastPriceSource;
import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.activities.scoring.ScoreRow;
import com.aegis.core.execution.SignalId;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.signal.OrderSize;
import com.aegis.core.signal.PositionSizer;
import com.aegis.core.signal.SignalThresholds;
import com.aegis.workflows.batch.OrderPlanningActivities;
import com.aegis.workflows.control.ControlRequest;
import com.aegis.workflows.control.OrderDecision;
import com.aegis.workflows.control.TradingControlWorkflow;
import com.aegis.workflows.control.TradingControls;
import com.aegis.workflows.control.TradingMode;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-open recommendations as decisions for the day's trading control. BUY candidates are the best final scores
 * at or above the buy threshold that the account does not hold yet, at most {@link Settings#maxBuys()}, each sized by
 * core's {@link PositionSizer} to {@link Settings#targetWeightBps()} of equity within the risk limits and the cash
 * left after the buys before it; SELL candidates are the held stocks at or below the sell threshold, sold whole. The
 * decision price is the stock's last price. Each decision gets a {@code signal} row (source BATCH), found again on a
 * repeat, and is sent to the control, which starts the order (AUTO), keeps it for approval (MANUAL) or refuses it
 * (HALTED).
 */
public final class OrderPlanningActivitiesImpl implements OrderPlanningActivities {

    private static final Logger log = LoggerFactory.getLogger(OrderPlanningActivitiesImpl.class);

    /**
     * @param accountId       the account whose books size the orders
     * @param operators       operators of the day's control if this starts it
     * @param maxBuys         most BUY decisions per day
     * @param targetWeightBps each buy's target weight of equity, basis points
     */
    public record Settings(String accountId, List<String> operators, int maxBuys, int targetWeightBps,
                           SignalThresholds thresholds, RiskLimits limits) {
        public Settings {
            Objects.requireNonNull(accountId, "accountId");
            operators = List.copyOf(operators);
            if (maxBuys < 0) {
                throw new IllegalArgumentException("max buys must not be negative, got " + maxBuys);
            }
            if (targetWeightBps <= 0 || targetWeightBps > RiskLimits.BPS) {
                throw new IllegalArgumentException("target weight must be 1..10000 bps, got " + targetWeightBps);
            }
            Objects.requireNonNull(thresholds, "thresholds");
            Objects.requireNonNull(limits, "limits");
        }

        /** Five buys a day at 10% of equity each, E1's thresholds, the default limits. */
        public static Settings defaults(String accountId, List<String> operators) {
            return new Settings(accountId, operators, 5, 1_000, SignalThresholds.defaults(), RiskLimits.defaults());
        }
    }

    private final DSLContext db;
    private final WorkflowClient client;
    private final LastPriceSource prices;
    private final Settings settings;
    private final Clock clock;
    private final ScoreQueries scores;
    private final PositionSizer sizer;
    private final TradingCosts costs = TradingCosts.standard();

    public OrderPlanningActivitiesImpl(DSLContext db, WorkflowClient client, LastPriceSource prices,
                                       Settings settings, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.client = Objects.requireNonNull(client, "client");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scores = new ScoreQueries(db);
        this.sizer = new PositionSizer(settings.limits(), costs, 1);
    }

    @Override
    public PlanReport planOrders(PlanRequest request) {
        Objects.requireNonNull(request, "request");
        String control = TradingControlWorkflow.workflowId(request.date());
        if (request.stale()) {
            return new PlanReport(0, 0, List.of(), List.of("the scores of " + request.scoresDate()
                    + " are the last good ones standing in for a failed pipeline; stale scores place no orders"),
                    control);
        }
        List<ScoreRow> rows = scores.scores(request.scoresDate(), 0);
        String account = settings.accountId();
        Map<String, Long> held = AccountBook.shares(db, account);
        long cash = AccountBook.cash(db, account);
        // Held stocks are priced for the equity; candidates only when they are considered.
        Map<Symbol, Long> last = new HashMap<>(prices.lastPrices(
                held.keySet().stream().map(Symbol::of).toList()));
        long equity = cash;
        for (Map.Entry<String, Long> h : held.entrySet()) {
            equity += h.getValue() * last.getOrDefault(Symbol.of(h.getKey()), 0L);
        }

        List<OrderDecision> decisions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long availableCash = cash;
        int buys = 0;
        for (ScoreRow row : rows) {
            Optional<Side> side = settings.thresholds().sideFor(row.finalScore());
            if (side.isEmpty()) {
                continue;
            }
            Symbol symbol = Symbol.of(row.symbol());
            long heldShares = held.getOrDefault(row.symbol(), 0L);
            if (side.get() == Side.SELL && heldShares == 0) {
                continue;
            }
            if (side.get() == Side.BUY && (buys >= settings.maxBuys() || heldShares > 0)) {
                skipped.add(buys >= settings.maxBuys()
                        ? String.format(Locale.ROOT, "BUY %s (score %.1f): the day's %d buys are taken",
                                row.symbol(), row.finalScore(), settings.maxBuys())
                        : "BUY " + row.symbol() + ": held already (" + heldShares + " shares)");
                continue;
            }
            Long price = last.computeIfAbsent(symbol, s -> prices.lastPrice(s).orElse(null));
            if (side.get() == Side.SELL) {
                if (price == null) {
                    skipped.add("SELL " + row.symbol() + ": no live quote (not trading today)");
                    continue;
                }
                OrderSize size = sizer.sell(heldShares);
                decisions.add(decision(request, symbol, Side.SELL, size.quantity(), price, row.finalScore()));
                continue;
            }
            if (price == null) {
                skipped.add("BUY " + row.symbol() + ": no live quote (not trading today)");
                continue;
            }
            OrderSize size = sizer.buy(equity, availableCash, price, heldShares, settings.targetWeightBps());
            if (size.isEmpty()) {
                skipped.add("BUY " + row.symbol() + ": not one share within " + size.limit() + " (cash "
                        + availableCash + " KRW, price " + price + " KRW)");
                continue;
            }
            long notional = size.quantity() * price;
            availableCash -= notional + costs.commission(notional);
            decisions.add(decision(request, symbol, Side.BUY, size.quantity(), price, row.finalScore()));
            buys++;
        }

        if (!decisions.isEmpty()) {
            TradingControls.ensureStarted(client, ControlRequest.forDay(request.date(), TradingMode.AUTO,
                    settings.operators()));
            TradingControlWorkflow day = TradingControls.of(client, request.date());
            for (OrderDecision d : decisions) {
                day.decision(d);
            }
        }
        List<String> lines = decisions.stream().map(d -> String.format(Locale.ROOT,
                "%s %d %s @ %d (score %.1f, signal %s)", d.side(), d.quantity(), d.symbol().code(), d.price(),
                d.score(), d.id())).toList();
        log.info("pre-open {}: {} decision(s) sent to {}, {} skipped", request.date(), decisions.size(), control,
                skipped.size());
        return new PlanReport(buys, decisions.size() - buys, lines, skipped, control);
    }

    private OrderDecision decision(PlanRequest request, Symbol symbol, Side side, long quantity, long price,
                                   double score) {
        long signal = signalId(request.date(), symbol, side, score);
        return new OrderDecision(symbol, side, quantity, price, SignalId.of(signal), score);
    }

    /** The day's BATCH signal of the stock and side, created once. */
    private long signalId(LocalDate date, Symbol symbol, Side side, double score) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            t.fetch("select 1 from pg_advisory_xact_lock(hashtext(?))", "signal:" + date + ":" + symbol.code()
                    + ":" + side);
            Optional<Long> known = t.select(SIGNAL.ID).from(SIGNAL)
                    .where(SIGNAL.TRADE_DATE.eq(date), SIGNAL.SYMBOL.eq(symbol.code()), SIGNAL.SIDE.eq(side.name()),
                            SIGNAL.SOURCE.eq("BATCH"))
                    .orderBy(SIGNAL.ID).limit(1).fetchOptional(SIGNAL.ID);
            if (known.isPresent()) {
                return known.get();
            }
            if (!t.fetchExists(INSTRUMENT, INSTRUMENT.SYMBOL.eq(symbol.code()))) {
                throw new IllegalArgumentException("signal for unknown symbol " + symbol.code());
            }
            return t.insertInto(SIGNAL)
                    .set(SIGNAL.TRADE_DATE, date)
                    .set(SIGNAL.SYMBOL, symbol.code())
                    .set(SIGNAL.SIDE, side.name())
                    .set(SIGNAL.SCORE, score)
                    .set(SIGNAL.SOURCE, "BATCH")
                    .set(SIGNAL.REASON, "pre-open final score " + String.format(Locale.ROOT, "%.1f", score))
                    .set(SIGNAL.CREATED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .returning(SIGNAL.ID).fetchOne().getId();
        });
    }
}
