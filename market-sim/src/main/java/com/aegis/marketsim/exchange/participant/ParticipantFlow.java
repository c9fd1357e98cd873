package com.aegis.marketsim.exchange.participant;

import com.aegis.core.krx.TickTable;
import com.aegis.core.krx.TradingDaySchedule;
import com.aegis.core.market.Side;
import com.aegis.marketsim.clock.Scheduler;
import com.aegis.marketsim.exchange.BookLevel;
import com.aegis.marketsim.exchange.ClientOrderKey;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeOrderId;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.MatchingEngine;
import com.aegis.marketsim.exchange.NewOrder;
import com.aegis.marketsim.exchange.OrderAccepted;
import com.aegis.marketsim.exchange.OrderResponse;
import com.aegis.marketsim.exchange.OrderType;
import com.aegis.marketsim.exchange.RestingOrderView;
import com.aegis.marketsim.exchange.TradingState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated crowd trading one stock for one day, consistent with the stock's {@link DayPlan}.
 *
 * <p>How it stays on plan: the opening and closing auctions get crowd orders at exactly the planned open and close on
 * both sides (equal quantities, so the auction price is that price as long as the system's own orders do not move it),
 * plus resting orders a few ticks away. In continuous trading every crowd order is priced around a shared fair value
 * ({@link FairPricePath}) that starts at the open, touches the planned high and low and ends at the close, clipped to
 * [low, high]; crowd orders left on the wrong side of the fair value are cancelled, so crowd-to-crowd trades stay
 * within the planned range. Aggressive order sizes adapt to the volume still to trade, so the day's volume lands near
 * the planned volume. Arrivals follow a Poisson process whose rate is U-shaped over the day. Everything is drawn from
 * one {@link SplittableRandom} seeded by the simulator seed and the symbol, so a day replays exactly on a stepped clock.
 */
public final class ParticipantFlow {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final int MAX_STALE_CANCELS_PER_ARRIVAL = 6;

    private final DayPlan plan;
    private final MatchingEngine engine;
    private final Scheduler scheduler;
    private final FlowSettings settings;
    private final SplittableRandom rng;
    private final TickTable ticks;
    private final long lowTick;
    private final long highTick;
    private final Instant preOpenAt;
    private final Instant openAt;
    private final Instant closingAuctionAt;
    private final Instant closeAt;
    private final int sessionMinutes;
    private final double[] cumulativeArrivals;
    private final FairPricePath fairPath;
    private final long continuousTarget;
    private final double baseQuantity;
    private final long openingAuctionVolume;
    private final long closingAuctionVolume;
    private final NavigableMap<Long, ArrayDeque<ExchangeOrderId>> bids = new TreeMap<>();
    private final NavigableMap<Long, ArrayDeque<ExchangeOrderId>> asks = new TreeMap<>();
    private int tracked;
    private long keySequence;
    private long volumeAtOpen = -1;
    private long ordersSent;
    private long aggressiveQuantitySent;
    private long cancelsSent;

    public ParticipantFlow(DayPlan plan, MatchingEngine engine, Scheduler scheduler, TradingDaySchedule day,
                           FlowSettings settings, long seed) {
        this.plan = plan;
        this.engine = engine;
        this.scheduler = scheduler;
        this.settings = settings;
        this.rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ Long.parseLong(plan.symbol().code()) * 31
                ^ plan.basePrice());
        this.ticks = engine.instrument().tickTable();
        long lower = engine.instrument().band().lower();
        long upper = engine.instrument().band().upper();
        this.lowTick = clampInto(ticks.roundUp(plan.low()), lower, upper);
        this.highTick = clampInto(ticks.roundDown(plan.high()), lower, upper);
        this.preOpenAt = at(day, day.openingAuctionStart());
        this.openAt = at(day, day.marketOpen());
        this.closingAuctionAt = at(day, day.closingAuctionStart());
        this.closeAt = at(day, day.marketClose());
        this.sessionMinutes = (int) Duration.between(openAt, closingAuctionAt).toMinutes();
        this.cumulativeArrivals = new double[sessionMinutes + 1];
        for (int m = 0; m < sessionMinutes; m++) {
            cumulativeArrivals[m + 1] = cumulativeArrivals[m] + ratePerMinute(m + 0.5);
        }
        this.fairPath = new FairPricePath(plan, sessionMinutes, rng);
        long openingVolume = Math.round(plan.volume() * settings.openingAuctionShare());
        long closingVolume = Math.round(plan.volume() * settings.closingAuctionShare());
        this.continuousTarget = plan.volume() - openingVolume - closingVolume;
        double expectedAggressive = Math.max(1.0, settings.aggressiveShare() * cumulativeArrivals[sessionMinutes]);
        this.baseQuantity = Math.max(1.0, continuousTarget / expectedAggressive);
        this.openingAuctionVolume = openingVolume;
        this.closingAuctionVolume = closingVolume;
    }

    /** Schedules the day's crowd activity on the simulator's clock. */
    public void start() {
        scheduleAuctionOrders(preOpenAt, openAt, plan.open(), openingAuctionVolume);
        scheduler.schedule(openAt, this::onContinuousArrival);
        scheduler.schedule(closingAuctionAt, () -> cancelCrossing(plan.close(), true, Integer.MAX_VALUE));
        scheduleAuctionOrders(closingAuctionAt, closeAt, plan.close(), closingAuctionVolume);
    }

    /** Crowd orders sent so far (new orders, not cancels). */
    public long ordersSent() {
        return ordersSent;
    }

    public long cancelsSent() {
        return cancelsSent;
    }

    /** Mid-day rate times the U-shaped boost, orders per minute, at a minute of continuous trading. */
    double ratePerMinute(double minute) {
        double tau = settings.boostMinutes();
        return settings.ordersPerMinute() * (1.0 + settings.openingBoost() * Math.exp(-minute / tau)
                + settings.closingBoost() * Math.exp(-(sessionMinutes - minute) / tau));
    }

    // ------------------------------------------------------------------ auctions

    private void scheduleAuctionOrders(Instant from, Instant to, long price, long crossingVolume) {
        long windowMillis = Math.max(1, Duration.between(from, to).toMillis() - 1_000);
        long auctionPrice = clampInto(price, lowTick, highTick);
        if (crossingVolume > 0) {
            int chunks = (int) Math.min(crossingVolume, 6 + rng.nextInt(15));
            for (Side side : Side.values()) {
                long left = crossingVolume;
                for (int i = chunks; i >= 1; i--) {
                    long qty = i == 1 ? left : Math.max(1, Math.min(left - (i - 1),
                            Math.round(left / (double) i * (0.5 + rng.nextDouble()))));
                    left -= qty;
                    scheduleOrder(from.plusMillis(rng.nextLong(windowMillis)), side, auctionPrice, qty);
                }
            }
        }
        int resting = (int) Math.round(settings.ordersPerMinute() * 0.3 * Duration.between(from, to).toMinutes());
        for (int i = 0; i < resting; i++) {
            Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
            long away = away(auctionPrice, side, 1 + geometric(0.4, 10));
            if (away == auctionPrice) {
                continue;
            }
            scheduleOrder(from.plusMillis(rng.nextLong(windowMillis)), side, away, quantity(baseQuantity));
        }
    }

    private void scheduleOrder(Instant at, Side side, long price, long quantity) {
        scheduler.schedule(at, () -> {
            TradingState state = engine.state();
            if (state.isAuction()) {
                send(side, OrderType.LIMIT, price, quantity);
            }
        });
    }

    // ------------------------------------------------------------------ continuous trading

    private void onContinuousArrival() {
        Instant now = scheduler.now();
        if (!now.isBefore(closingAuctionAt)) {
            return;
        }
        double minute = Duration.between(openAt, now).toMillis() / 60_000.0;
        TradingState state = engine.state();
        if (state == TradingState.CONTINUOUS || state == TradingState.VOLATILITY_AUCTION) {
            if (volumeAtOpen < 0) {
                volumeAtOpen = engine.stats().volume();
            }
            act(minute, state);
        }
        double waitMinutes = -Math.log(1.0 - rng.nextDouble()) / ratePerMinute(Math.min(minute, sessionMinutes));
        Instant next = now.plusNanos(Math.max(1_000_000L, (long) (waitMinutes * 60e9)));
        if (next.isBefore(closingAuctionAt)) {
            scheduler.schedule(next, this::onContinuousArrival);
        }
    }

    private void act(double minute, TradingState state) {
        long fair = clampInto(ticks.roundNearest(Math.max(1L, Math.round(fairPath.at(minute)))), lowTick, highTick);
        cancelCrossing(fair, false, MAX_STALE_CANCELS_PER_ARRIVAL);
        double u = rng.nextDouble();
        if (u < settings.cancelShare()) {
            cancelFarthest(rng.nextBoolean() ? Side.BUY : Side.SELL);
        } else if (u < settings.cancelShare() + settings.aggressiveShare()) {
            sendAggressive(fair, minute, state);
        } else {
            Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
            long price = away(fair, side, 1 + geometric(0.45, 10));
            send(side, OrderType.LIMIT, price, quantity(baseQuantity));
        }
        while (tracked > settings.maxRestingOrders()) {
            if (!cancelFarthest(countOf(bids) >= countOf(asks) ? Side.BUY : Side.SELL)) {
                break;
            }
        }
    }

    private void sendAggressive(long fair, double minute, TradingState state) {
        Side side = rng.nextBoolean() ? Side.BUY : Side.SELL;
        long qty = quantity(adaptiveMeanQuantity(minute));
        aggressiveQuantitySent += qty;
        if (state == TradingState.CONTINUOUS && rng.nextDouble() < settings.marketOrderShare()
                && oppositeDepthInRange(side, qty)) {
            send(side, OrderType.MARKET, 0L, qty);
            return;
        }
        long limit = side == Side.BUY ? stepWithin(fair, 1) : stepWithin(fair, -1);
        send(side, OrderType.LIMIT, limit, qty);
    }

    /** Mean size of an aggressive order so that the rest of the day trades roughly the volume still planned. */
    private double adaptiveMeanQuantity(double minute) {
        long done = engine.stats().volume() - Math.max(0, volumeAtOpen);
        long remaining = continuousTarget - done;
        if (remaining <= 0) {
            return Math.max(1.0, baseQuantity * 0.1);
        }
        int m = (int) Math.min(sessionMinutes, Math.max(0, minute));
        double arrivalsLeft = cumulativeArrivals[sessionMinutes] - cumulativeArrivals[m];
        double aggressiveLeft = Math.max(1.0, settings.aggressiveShare() * arrivalsLeft);
        // not every aggressive share trades (the book may be thin, a VI may interrupt): scale by what did so far
        double efficiency = aggressiveQuantitySent < baseQuantity * 20 ? 1.0
                : Math.max(0.3, Math.min(1.5, done / (double) aggressiveQuantitySent));
        return Math.max(1.0, Math.min(remaining / (aggressiveLeft * efficiency), baseQuantity * 4));
    }

    private boolean oppositeDepthInRange(Side side, long qty) {
        List<BookLevel> levels = engine.orderBook().levels(side == Side.BUY ? Side.SELL : Side.BUY, 10);
        long depth = 0;
        for (BookLevel level : levels) {
            if (level.price() < lowTick || level.price() > highTick) {
                return false;
            }
            depth += level.quantity();
            if (depth >= qty) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ order bookkeeping

    private void send(Side side, OrderType type, long price, long quantity) {
        ClientOrderKey key = new ClientOrderKey("CROWD-" + plan.symbol().code() + "-" + (++keySequence));
        NewOrder order = new NewOrder(key, ExchangeSimulator.CROWD, plan.symbol(), side, type, price, quantity);
        OrderResponse response = engine.submit(order, false);
        ordersSent++;
        if (response instanceof OrderAccepted accepted) {
            engine.order(accepted.orderId()).filter(RestingOrderView::open).ifPresent(view -> {
                (side == Side.BUY ? bids : asks).computeIfAbsent(view.price(), p -> new ArrayDeque<>())
                        .add(view.orderId());
                tracked++;
            });
        }
    }

    /**
     * Cancels crowd orders that would trade through {@code fair}: bids above it and asks below it ({@code inclusive}
     * also takes those exactly at it, which the closing auction needs).
     */
    private void cancelCrossing(long fair, boolean inclusive, int limit) {
        int cancelled = 0;
        cancelled += cancelWhere(bids.tailMap(fair, inclusive), true, limit);
        cancelWhere(asks.headMap(fair, inclusive), false, limit - cancelled);
    }

    private int cancelWhere(NavigableMap<Long, ArrayDeque<ExchangeOrderId>> levels, boolean bestFirstDescending,
                            int limit) {
        int cancelled = 0;
        Iterator<Map.Entry<Long, ArrayDeque<ExchangeOrderId>>> it =
                (bestFirstDescending ? levels.descendingMap() : levels).entrySet().iterator();
        while (it.hasNext() && cancelled < limit) {
            ArrayDeque<ExchangeOrderId> queue = it.next().getValue();
            while (!queue.isEmpty() && cancelled < limit) {
                if (cancelIfOpen(queue.poll())) {
                    cancelled++;
                }
            }
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        return cancelled;
    }

    /** Cancels the oldest crowd order at the price farthest from the market on one side; false if none is open. */
    private boolean cancelFarthest(Side side) {
        NavigableMap<Long, ArrayDeque<ExchangeOrderId>> levels = side == Side.BUY ? bids : asks;
        while (!levels.isEmpty()) {
            Map.Entry<Long, ArrayDeque<ExchangeOrderId>> farthest =
                    side == Side.BUY ? levels.firstEntry() : levels.lastEntry();
            ArrayDeque<ExchangeOrderId> queue = farthest.getValue();
            boolean done = false;
            while (!queue.isEmpty() && !done) {
                done = cancelIfOpen(queue.poll());
            }
            if (queue.isEmpty()) {
                levels.remove(farthest.getKey());
            }
            if (done) {
                return true;
            }
        }
        return false;
    }

    private boolean cancelIfOpen(ExchangeOrderId id) {
        tracked--;
        if (engine.order(id).map(RestingOrderView::open).orElse(false)) {
            engine.cancel(id);
            cancelsSent++;
            return true;
        }
        return false;
    }

    private static int countOf(NavigableMap<Long, ArrayDeque<ExchangeOrderId>> levels) {
        int n = 0;
        for (ArrayDeque<ExchangeOrderId> q : levels.values()) {
            n += q.size();
        }
        return n;
    }

    // ------------------------------------------------------------------ prices and sizes

    /** A price {@code ticksAway} ticks on the passive side of {@code price}, kept within [low, high]. */
    private long away(long price, Side side, int ticksAway) {
        return stepWithin(price, side == Side.BUY ? -ticksAway : ticksAway);
    }

    private long stepWithin(long price, int ticksToMove) {
        long p = price;
        for (int i = 0; i < Math.abs(ticksToMove); i++) {
            if (ticksToMove > 0) {
                if (p >= highTick) {
                    return highTick;
                }
                p = ticks.stepUp(p, 1);
            } else {
                if (p <= lowTick) {
                    return lowTick;
                }
                p = ticks.stepDown(p, 1);
            }
        }
        return clampInto(p, lowTick, highTick);
    }

    private long quantity(double mean) {
        double sigma = 0.8;
        double draw = mean * Math.exp(sigma * FairPricePath.gaussian(rng) - sigma * sigma / 2);
        return Math.max(1L, Math.round(draw));
    }

    private int geometric(double p, int cap) {
        int k = 0;
        while (k < cap && rng.nextDouble() > p) {
            k++;
        }
        return k;
    }

    private static long clampInto(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static Instant at(TradingDaySchedule day, LocalTime kst) {
        return ZonedDateTime.of(day.date(), kst, KST).toInstant();
    }
}
