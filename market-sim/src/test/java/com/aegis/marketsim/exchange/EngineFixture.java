package com.aegis.marketsim.exchange;

import com.aegis.core.krx.PriceLimits;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** One engine on a stepped clock with every event recorded: 005930 on KOSPI, base 10,000 (tick 10, band 7,000-13,000). */
final class EngineFixture {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final Symbol SYMBOL = Symbol.of("005930");
    static final AccountId ACCOUNT = new AccountId("TEST-1");

    final SimulationClock clock = SimulationClock.stepped(kst(8, 0));
    final ExchangeEventBus bus = new ExchangeEventBus();
    final List<ExchangeEvent> events = new ArrayList<>();
    final MatchingEngine engine;
    private int keys;

    EngineFixture() {
        this(Market.KOSPI, true, 10_000L, true);
    }

    EngineFixture(Market market, boolean kospi200, long basePrice, boolean vi) {
        bus.addListener(events::add);
        InstrumentDay instrument = new InstrumentDay(SYMBOL, market, kospi200, DAY,
                PriceLimits.of(market, DAY, basePrice));
        engine = new MatchingEngine(instrument, clock, bus, new OrderNumbering(), FillCharging.NONE, vi);
    }

    static java.time.Instant kst(int hour, int minute) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), KST).toInstant();
    }

    /** Pre-open at 08:30, then continuous at 09:00 (no orders in the opening auction). */
    EngineFixture continuous() {
        clock.advanceTo(kst(8, 30));
        engine.startPreOpenAuction();
        clock.advanceTo(kst(9, 0));
        engine.openContinuousTrading();
        return this;
    }

    OrderResponse limit(Side side, long price, long qty) {
        return engine.submit(NewOrder.limit(nextKey(), ACCOUNT, SYMBOL, side, price, qty));
    }

    OrderResponse market(Side side, long qty) {
        return engine.submit(NewOrder.market(nextKey(), ACCOUNT, SYMBOL, side, qty));
    }

    ExchangeOrderId id(OrderResponse response) {
        return ((OrderAccepted) response).orderId();
    }

    <T extends ExchangeEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<OrderExecution> fillsOf(ExchangeOrderId id) {
        return events(OrderExecution.class).stream().filter(e -> e.orderId().equals(id)).toList();
    }

    RestingOrderView view(ExchangeOrderId id) {
        return engine.order(id).orElseThrow();
    }

    private ClientOrderKey nextKey() {
        return new ClientOrderKey("K" + (++keys));
    }
}
