package com.aegis.marketsim.exchange;

import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.SessionPhase;
import com.aegis.core.krx.TickTable;
import com.aegis.core.krx.TradingSessions;
import com.aegis.core.krx.ViTrigger;
import com.aegis.core.krx.VolatilityInterruption;
import com.aegis.core.market.Side;
import com.aegis.marketsim.clock.ScheduledCallback;
import com.aegis.marketsim.clock.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The matching engine of one stock for one trading day: KRX price-time priority continuous matching, single-price
 * auctions (opening, closing, after a volatility interruption or a halt), price-limit and tick checks, VI and halts.
 * Not thread-safe: one owner drives it (the {@link com.aegis.marketsim.exchange.ExchangeSimulator} serialises calls).
 *
 * <p>Market orders (시장가), per KRX's published continuous-trading rule: the order trades through the opposite side at
 * each resting order's price; whatever is left stays in the book as a market order with a <em>deemed price</em> — one
 * tick better than the best order on its own side, or the last trade price when its side is empty (the base price
 * before the first trade), kept inside the daily band — and trades at that price with the next order that reaches it.
 * It is neither cancelled nor converted to an upper/lower-limit order. The deemed price is fixed when the remainder
 * rests (KRX re-derives it against each incoming order; fixing it keeps the book uncrossed and differs only when a
 * later opposite order arrives away from it). In an auction a market order takes part at any price (it is entered at
 * the band limit) and its unfilled rest is re-priced to the deemed price when continuous trading resumes.
 * Source: KRX "Execution Method of Market Order at Continuous Trading" (global.krx.co.kr, trading mechanism pages).
 *
 * <p>Simplifications, each documented where it applies: no random end (임의연장) of auctions; an opening or closing
 * auction whose price would trigger a VI is extended once by two minutes; at the limit prices time priority is kept
 * (KRX allocates pro rata among the orders at the limit price when the auction price is a limit price).
 */
public final class MatchingEngine {

    /** KRX reopens a halted stock with a 10-minute single-price auction. */
    public static final Duration HALT_REOPENING_CALL = Duration.ofMinutes(10);

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final InstrumentDay instrument;
    private final Scheduler clock;
    private final ExchangeEventBus bus;
    private final OrderNumbering numbering;
    private final FillCharging charging;
    private final boolean volatilityInterruptions;
    private final OrderBook book;
    private final TickTable ticks;
    private final Map<ExchangeOrderId, RestingOrder> orders = new HashMap<>();

    private TradingState state = TradingState.CLOSED;
    private TradingState resumeState = TradingState.CLOSED;
    private ScheduledCallback auctionEnd;
    private boolean auctionExtended;
    private long staticReference;
    private long open;
    private long high;
    private long low;
    private long last;
    private long volume;
    private long value;
    private long trades;
    private long tradeSeq;
    private long prioritySeq;
    private TradePrint lastPrint;

    public MatchingEngine(InstrumentDay instrument, Scheduler clock, ExchangeEventBus bus,
                          OrderNumbering numbering, FillCharging charging, boolean volatilityInterruptions) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.numbering = Objects.requireNonNull(numbering, "numbering");
        this.charging = Objects.requireNonNull(charging, "charging");
        this.volatilityInterruptions = volatilityInterruptions;
        this.book = new OrderBook(instrument.symbol());
        this.ticks = instrument.tickTable();
        this.staticReference = instrument.band().basePrice();
    }

    // ------------------------------------------------------------------ queries

    public InstrumentDay instrument() {
        return instrument;
    }

    /** The live book (read-only API); take a {@link #snapshot} to keep a picture. */
    public OrderBook orderBook() {
        return book;
    }

    public TradingState state() {
        return state;
    }

    public BookSnapshot snapshot(int depth) {
        AuctionResult indicative = state.isAuction() ? indicativeAuction() : AuctionResult.NO_TRADE;
        return new BookSnapshot(instrument.symbol(), clock.now(), state, book.levels(Side.BUY, depth),
                book.levels(Side.SELL, depth), indicative.price(), indicative.volume());
    }

    public SessionStats stats() {
        return new SessionStats(open, high, low, last, volume, value, trades);
    }

    public Optional<TradePrint> lastTrade() {
        return Optional.ofNullable(lastPrint);
    }

    /** Last trade price, or 0 before the first trade. */
    public long lastTradePrice() {
        return last;
    }

    /** The static VI reference: the last single-price auction price, the base price before the open. */
    public long staticReferencePrice() {
        return staticReference;
    }

    public Optional<RestingOrderView> order(ExchangeOrderId id) {
        RestingOrder o = orders.get(id);
        return o == null ? Optional.empty() : Optional.of(o.view());
    }

    /** The auction price the current orders would produce if the auction ended now. */
    public AuctionResult indicativeAuction() {
        return AuctionPriceFinder.find(book.levels(Side.BUY, Integer.MAX_VALUE),
                book.levels(Side.SELL, Integer.MAX_VALUE), auctionReference());
    }

    // ------------------------------------------------------------------ order entry

    /** Static checks of a new order against the stock's state, band and tick grid; empty if it may enter. */
    public Optional<Rejection> validate(OrderType type, long price, long quantity) {
        if (quantity <= 0) {
            return reason(RejectReason.INVALID_QUANTITY, "quantity " + quantity + " must be at least 1 share");
        }
        if (state == TradingState.CLOSED) {
            return reason(RejectReason.MARKET_CLOSED, instrument.symbol() + " takes no orders at " + kstNow()
                    + " KST; order entry is 08:30-15:30 on trading days");
        }
        if (state == TradingState.HALTED) {
            return reason(RejectReason.TRADING_HALTED, "trading in " + instrument.symbol() + " is halted");
        }
        if (type == OrderType.MARKET) {
            return price == 0 ? Optional.empty()
                    : reason(RejectReason.INVALID_PRICE, "a market order must have price 0, got " + price);
        }
        return validateLimitPrice(price);
    }

    private Optional<Rejection> validateLimitPrice(long price) {
        if (price <= 0) {
            return reason(RejectReason.INVALID_PRICE, "limit price " + price + " must be at least 1 KRW");
        }
        if (!ticks.isValid(price)) {
            long tick = ticks.tickOf(price);
            return reason(RejectReason.INVALID_TICK, "price " + price + " is not on the " + tick
                    + " KRW tick; nearest valid prices " + ticks.roundDown(price) + " and " + ticks.roundUp(price));
        }
        PriceBand band = instrument.band();
        if (!band.contains(price)) {
            return reason(RejectReason.OUTSIDE_PRICE_LIMIT, "price " + price + " is outside today's band "
                    + band.lower() + ".." + band.upper() + " for " + instrument.symbol() + " (base " + band.basePrice()
                    + ")");
        }
        return Optional.empty();
    }

    /** Enters an order whose commission and tax are charged to its account. */
    public OrderResponse submit(NewOrder order) {
        return submit(order, true);
    }

    /** Enters an order; {@code chargeCosts} false for the simulated crowd, whose fills carry no costs. */
    public OrderResponse submit(NewOrder order, boolean chargeCosts) {
        Optional<Rejection> refusal = validate(order.type(), order.price(), order.quantity());
        if (refusal.isPresent()) {
            return reject(order.clientKey(), null, refusal.get());
        }
        Instant now = clock.now();
        ExchangeOrderId id = numbering.next();
        boolean market = order.type() == OrderType.MARKET;
        RestingOrder o = new RestingOrder(id, order.clientKey(), order.account(), order.side(), market,
                market ? 0L : order.price(), order.quantity(), chargeCosts, now);
        orders.put(id, o);
        OrderAccepted accepted = new OrderAccepted(bus.nextSequence(), now, instrument.symbol(), id,
                order.clientKey(), order.account(), order.side(), order.type(), order.price(), order.quantity());
        bus.publish(accepted);
        enter(o);
        publishBookIfChanged();
        return accepted;
    }

    /**
     * Changes an open order. Same price and a smaller (or equal) quantity keeps time priority; a new price takes the
     * order out and enters it again at the back of the new price, where it may trade at once.
     */
    public ModifyResponse modify(ExchangeOrderId id, long newPrice, long newQuantity) {
        RestingOrder o = orders.get(id);
        Optional<Rejection> refusal = checkAmendable(id, o);
        if (refusal.isEmpty() && state == TradingState.HALTED) {
            refusal = reason(RejectReason.TRADING_HALTED, "orders in halted " + instrument.symbol()
                    + " can be cancelled but not modified");
        }
        if (refusal.isEmpty() && newQuantity <= 0) {
            refusal = reason(RejectReason.INVALID_QUANTITY, "new quantity " + newQuantity
                    + " must be at least 1 share; cancel the order to remove it");
        }
        if (refusal.isEmpty() && newQuantity > o.leaves) {
            refusal = reason(RejectReason.MODIFY_QUANTITY_EXCEEDS_OPEN, "new quantity " + newQuantity
                    + " exceeds the open quantity " + o.leaves + " of order " + id + "; place a new order for more");
        }
        if (refusal.isEmpty()) {
            refusal = validateLimitPrice(newPrice);
        }
        if (refusal.isPresent()) {
            return reject(o == null ? null : o.clientKey, id, refusal.get());
        }
        long oldPrice = o.price;
        long oldLeaves = o.leaves;
        boolean keepsPriority = !o.market && newPrice == o.price;
        if (keepsPriority) {
            if (newQuantity < oldLeaves) {
                book.reduce(o, oldLeaves - newQuantity);
            }
        } else {
            book.remove(o);
            o.leaves = newQuantity;
            o.price = newPrice;
            o.market = false;
        }
        OrderModified modified = new OrderModified(bus.nextSequence(), clock.now(), instrument.symbol(), id,
                o.clientKey, o.account, o.side, oldPrice, newPrice, oldLeaves, newQuantity, keepsPriority);
        bus.publish(modified);
        if (!keepsPriority) {
            enter(o);
        }
        publishBookIfChanged();
        return modified;
    }

    /** Cancels the whole open quantity; allowed in every phase in which the order is open, halts included. */
    public CancelResponse cancel(ExchangeOrderId id) {
        RestingOrder o = orders.get(id);
        Optional<Rejection> refusal = checkAmendable(id, o);
        if (refusal.isPresent()) {
            return reject(o == null ? null : o.clientKey, id, refusal.get());
        }
        OrderCancelled cancelled = removeOpenOrder(o, CancelReason.REQUESTED);
        publishBookIfChanged();
        return cancelled;
    }

    private Optional<Rejection> checkAmendable(ExchangeOrderId id, RestingOrder o) {
        if (o == null) {
            return reason(RejectReason.UNKNOWN_ORDER, "no order " + id + " in " + instrument.symbol() + " today");
        }
        if (!o.open) {
            return reason(RejectReason.ORDER_NOT_OPEN, "order " + id + " has nothing open (filled " + o.filled
                    + " of " + o.originalQuantity + ")");
        }
        if (state == TradingState.CLOSED) {
            return reason(RejectReason.MARKET_CLOSED, instrument.symbol() + " is not trading at " + kstNow() + " KST");
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ session control

    /** 08:30: order entry opens for the opening auction. */
    public void startPreOpenAuction() {
        if (state == TradingState.HALTED) {
            resumeState = TradingState.PRE_OPEN_AUCTION;
            return;
        }
        requireState(TradingState.CLOSED, "start the opening auction");
        staticReference = instrument.band().basePrice();
        changeState(TradingState.PRE_OPEN_AUCTION, "opening auction order entry");
        publishBookIfChanged();
    }

    /**
     * 09:00: the opening auction matches and continuous trading starts. If the auction price would trigger a static
     * VI (±10% from the base price) the auction is extended once by two minutes and this runs again then.
     */
    public void openContinuousTrading() {
        if (state == TradingState.HALTED) {
            resumeState = TradingState.CONTINUOUS;
            return;
        }
        requireState(TradingState.PRE_OPEN_AUCTION, "open continuous trading");
        if (extendAuctionForVi(SessionPhase.PRE_OPEN_AUCTION, this::openContinuousTrading)) {
            return;
        }
        AuctionResult result = uncross(TradeKind.OPENING_AUCTION);
        staticReference = result.trades() ? result.price() : instrument.band().basePrice();
        changeState(TradingState.CONTINUOUS, "continuous trading");
        repriceRestingMarketOrders();
        publishBookIfChanged();
    }

    /** 15:20: continuous trading ends and orders collect for the closing auction (a VI auction merges into it). */
    public void startClosingAuction() {
        if (state == TradingState.HALTED) {
            resumeState = TradingState.CLOSING_AUCTION;
            return;
        }
        if (state != TradingState.CONTINUOUS && state != TradingState.VOLATILITY_AUCTION) {
            throw new IllegalStateException("cannot start the closing auction of " + instrument.symbol()
                    + " from state " + state + "; it follows continuous trading");
        }
        cancelAuctionEnd();
        changeState(TradingState.CLOSING_AUCTION, "closing auction order entry");
        publishBookIfChanged();
    }

    /**
     * 15:30: the closing auction matches (extended once by two minutes if its price would trigger a VI), then every
     * open order expires (KRX orders are day orders) and the book closes.
     */
    public void closeDay() {
        if (state == TradingState.CLOSING_AUCTION) {
            if (extendAuctionForVi(SessionPhase.CLOSING_AUCTION, this::closeDay)) {
                return;
            }
            uncross(TradeKind.CLOSING_AUCTION);
        } else if (state != TradingState.HALTED && state != TradingState.CLOSED) {
            throw new IllegalStateException("cannot close " + instrument.symbol() + " from state " + state
                    + "; the close follows the closing auction");
        }
        cancelAuctionEnd();
        List<RestingOrder> open = new ArrayList<>();
        for (Side side : Side.values()) {
            for (PriceLevel level : book.sideMap(side).values()) {
                for (RestingOrder o = level.head; o != null; o = o.next) {
                    open.add(o);
                }
            }
        }
        for (RestingOrder o : open) {
            removeOpenOrder(o, CancelReason.END_OF_DAY);
        }
        if (state != TradingState.CLOSED) {
            changeState(TradingState.CLOSED, "market closed");
        }
        resumeState = TradingState.CLOSED;
        publishBookIfChanged();
    }

    /** Halts trading (거래정지): open orders stay, new orders and modifications are refused, cancels allowed. */
    public void halt(String reason) {
        if (state == TradingState.HALTED) {
            return;
        }
        if (state == TradingState.VOLATILITY_AUCTION) {
            cancelAuctionEnd();
            resumeState = TradingState.CONTINUOUS;
        } else {
            // a pending auction-extension rerun stays scheduled: it finds the halt and records where to resume
            resumeState = state;
        }
        changeState(TradingState.HALTED, reason);
    }

    /**
     * Lifts a halt. During trading hours the stock reopens with a 10-minute single-price auction, then continuous
     * trading; outside them it returns to the phase the day has reached.
     */
    public void resume() {
        requireState(TradingState.HALTED, "resume trading");
        if (resumeState == TradingState.CONTINUOUS) {
            changeState(TradingState.VOLATILITY_AUCTION, "reopening auction after a halt");
            auctionEnd = clock.schedule(clock.now().plus(HALT_REOPENING_CALL), this::endIntradayAuction);
        } else {
            changeState(resumeState, "halt lifted");
        }
    }

    // ------------------------------------------------------------------ matching

    private void enter(RestingOrder o) {
        if (state == TradingState.CONTINUOUS) {
            matchIncoming(o);
        }
        if (o.leaves > 0) {
            if (o.market) {
                o.price = state.isAuction() ? bandLimit(o.side) : deemedPrice(o.side);
            }
            o.priority = ++prioritySeq;
            book.add(o);
        } else {
            o.open = false;
        }
    }

    private void matchIncoming(RestingOrder taker) {
        Side opposite = taker.side == Side.BUY ? Side.SELL : Side.BUY;
        long dynamicReference = last > 0 ? last : staticReference;
        while (taker.leaves > 0) {
            PriceLevel level = book.bestLevel(opposite);
            if (level == null) {
                return;
            }
            long price = level.price;
            if (!taker.market && (taker.side == Side.BUY ? price > taker.price : price < taker.price)) {
                return;
            }
            if (volatilityInterruptions && interruptContinuousTrading(dynamicReference, price)) {
                return;
            }
            RestingOrder maker = level.head;
            long quantity = Math.min(taker.leaves, maker.leaves);
            long tradeId = ++tradeSeq;
            recordTrade(price, quantity);
            fill(maker, price, quantity, tradeId);
            fill(taker, price, quantity, tradeId);
            publishPrint(tradeId, price, quantity, taker.side, TradeKind.CONTINUOUS);
        }
    }

    private void fill(RestingOrder o, long price, long quantity, long tradeId) {
        book.reduce(o, quantity);
        o.filled += quantity;
        FillCharges charges = o.chargeCosts ? charging.charge(o.side, price, quantity) : FillCharges.NONE;
        Instant now = clock.now();
        if (o.leaves == 0) {
            o.open = false;
            bus.publish(new OrderFilled(bus.nextSequence(), now, instrument.symbol(), o.id, o.clientKey, o.account,
                    o.side, tradeId, price, quantity, o.filled, 0L, charges.commission(), charges.tax()));
        } else {
            bus.publish(new OrderPartiallyFilled(bus.nextSequence(), now, instrument.symbol(), o.id, o.clientKey,
                    o.account, o.side, tradeId, price, quantity, o.filled, o.leaves, charges.commission(),
                    charges.tax()));
        }
    }

    private void recordTrade(long price, long quantity) {
        if (open == 0) {
            open = price;
        }
        high = Math.max(high, price);
        low = low == 0 ? price : Math.min(low, price);
        last = price;
        volume += quantity;
        value += price * quantity;
        trades++;
    }

    private void publishPrint(long tradeId, long price, long quantity, Side aggressor, TradeKind kind) {
        lastPrint = new TradePrint(bus.nextSequence(), clock.now(), instrument.symbol(), tradeId, price, quantity,
                aggressor, kind, volume, value);
        bus.publish(lastPrint);
    }

    /** Matches an auction book at its single price; every crossing order trades at that price in priority order. */
    private AuctionResult uncross(TradeKind kind) {
        AuctionResult result = indicativeAuction();
        if (!result.trades()) {
            return result;
        }
        long remaining = result.volume();
        long tradeId = ++tradeSeq;
        recordTrade(result.price(), result.volume());
        while (remaining > 0) {
            RestingOrder bid = book.bestLevel(Side.BUY).head;
            RestingOrder ask = book.bestLevel(Side.SELL).head;
            long quantity = Math.min(remaining, Math.min(bid.leaves, ask.leaves));
            fill(bid, result.price(), quantity, tradeId);
            fill(ask, result.price(), quantity, tradeId);
            remaining -= quantity;
        }
        publishPrint(tradeId, result.price(), result.volume(), null, kind);
        return result;
    }

    private long auctionReference() {
        if (state == TradingState.PRE_OPEN_AUCTION) {
            return instrument.band().basePrice();
        }
        return last > 0 ? last : staticReference;
    }

    // ------------------------------------------------------------------ volatility interruption

    private boolean interruptContinuousTrading(long dynamicReference, long price) {
        Optional<ViTrigger> trigger = VolatilityInterruption.check(instrument.market(), instrument.kospi200(),
                SessionPhase.CONTINUOUS, staticReference, dynamicReference, price, kstNow());
        if (trigger.isEmpty()) {
            return false;
        }
        Instant end = clock.now().plus(TradingSessions.VI_AUCTION_DURATION);
        changeState(TradingState.VOLATILITY_AUCTION, "volatility interruption (" + trigger.get().type() + ")");
        publishVi(trigger.get(), end);
        auctionEnd = clock.schedule(end, this::endIntradayAuction);
        return true;
    }

    private boolean extendAuctionForVi(SessionPhase phase, Runnable rerun) {
        if (!volatilityInterruptions || auctionExtended) {
            auctionExtended = false;
            return false;
        }
        AuctionResult result = indicativeAuction();
        if (!result.trades()) {
            return false;
        }
        long lastTrade = last > 0 ? last : staticReference;
        Optional<ViTrigger> trigger = VolatilityInterruption.check(instrument.market(), instrument.kospi200(), phase,
                staticReference, lastTrade, result.price(), kstNow());
        if (trigger.isEmpty()) {
            return false;
        }
        auctionExtended = true;
        Instant end = clock.now().plus(TradingSessions.VI_AUCTION_DURATION);
        publishVi(trigger.get(), end);
        auctionEnd = clock.schedule(end, rerun);
        return true;
    }

    private void endIntradayAuction() {
        auctionEnd = null;
        if (state != TradingState.VOLATILITY_AUCTION) {
            return;
        }
        AuctionResult result = uncross(TradeKind.INTRADAY_AUCTION);
        if (result.trades()) {
            staticReference = result.price();
        }
        changeState(TradingState.CONTINUOUS, "single-price auction ended");
        repriceRestingMarketOrders();
        publishBookIfChanged();
    }

    private void publishVi(ViTrigger trigger, Instant end) {
        bus.publish(new VolatilityInterruptionTriggered(bus.nextSequence(), clock.now(), instrument.symbol(),
                trigger.type(), trigger.referencePrice(), trigger.triggerPrice(), trigger.thresholdBasisPoints(), end));
    }

    private void cancelAuctionEnd() {
        if (auctionEnd != null) {
            auctionEnd.cancel();
            auctionEnd = null;
        }
        auctionExtended = false;
    }

    // ------------------------------------------------------------------ internals

    /** KRX deemed price of a resting market order in continuous trading (see the class comment). */
    private long deemedPrice(Side side) {
        PriceBand band = instrument.band();
        PriceLevel best = book.bestLevel(side);
        long price;
        if (best == null) {
            price = last > 0 ? last : staticReference;
        } else if (best.head.market) {
            price = best.price;
        } else if (side == Side.BUY) {
            price = best.price >= band.upper() ? band.upper() : ticks.stepUp(best.price, 1);
        } else {
            price = best.price <= band.lower() ? band.lower() : ticks.stepDown(best.price, 1);
        }
        // never through the opposite side: a deemed price at or beyond the best opposite order would cross the book
        if (side == Side.BUY && book.bestAsk() > 0 && price >= book.bestAsk()) {
            price = book.bestAsk() <= band.lower() ? band.lower() : ticks.stepDown(book.bestAsk(), 1);
        } else if (side == Side.SELL && book.bestBid() > 0 && price <= book.bestBid()) {
            price = book.bestBid() >= band.upper() ? band.upper() : ticks.stepUp(book.bestBid(), 1);
        }
        return Math.max(band.lower(), Math.min(band.upper(), price));
    }

    private long bandLimit(Side side) {
        return side == Side.BUY ? instrument.band().upper() : instrument.band().lower();
    }

    /**
     * After an auction, market orders still waiting at the band limit (entered during the auction) move to their
     * continuous deemed price; those that were already resting at a deemed price keep it.
     */
    private void repriceRestingMarketOrders() {
        for (Side side : Side.values()) {
            List<RestingOrder> market = new ArrayList<>();
            PriceLevel atLimit = book.sideMap(side).get(bandLimit(side));
            for (RestingOrder o = atLimit == null ? null : atLimit.head; o != null; o = o.next) {
                if (o.market) {
                    market.add(o);
                }
            }
            market.sort(Comparator.comparingLong(o -> o.priority));
            for (RestingOrder o : market) {
                book.remove(o);
            }
            for (RestingOrder o : market) {
                o.price = deemedPrice(side);
                book.add(o);
            }
        }
    }

    private OrderCancelled removeOpenOrder(RestingOrder o, CancelReason reason) {
        long cancelledQuantity = o.leaves;
        book.remove(o);
        o.leaves = 0;
        o.open = false;
        OrderCancelled cancelled = new OrderCancelled(bus.nextSequence(), clock.now(), instrument.symbol(), o.id,
                o.clientKey, o.account, o.side, o.price, cancelledQuantity, o.filled, reason);
        bus.publish(cancelled);
        return cancelled;
    }

    private OrderRejected reject(ClientOrderKey key, ExchangeOrderId target, Rejection rejection) {
        OrderRejected rejected = new OrderRejected(bus.nextSequence(), clock.now(), instrument.symbol(), key, target,
                rejection.reason(), rejection.detail());
        bus.publish(rejected);
        return rejected;
    }

    private void changeState(TradingState to, String reason) {
        TradingState from = state;
        state = to;
        bus.publish(new TradingStateChanged(bus.nextSequence(), clock.now(), instrument.symbol(), from, to, reason));
    }

    private void publishBookIfChanged() {
        if (book.takeTopChanged() && bus.hasListeners()) {
            bus.publish(new OrderBookChanged(bus.nextSequence(), clock.now(), instrument.symbol(), snapshot(
                    OrderBook.PUBLISHED_DEPTH)));
        }
    }

    private void requireState(TradingState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + action + " for " + instrument.symbol() + " in state " + state
                    + "; expected " + expected);
        }
    }

    private LocalTime kstNow() {
        return clock.now().atZone(KST).toLocalTime();
    }

    private static Optional<Rejection> reason(RejectReason reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
