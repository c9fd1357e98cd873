package com.aegis.marketsim.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.TickSize;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random order flow against one KOSPI 200 book (base 10,000, tick 10) in continuous trading, with price moves large
 * enough to set off volatility interruptions and clock steps long enough to end them.
 */
class MatchingEngineProperties {

    sealed interface Action permits Submit, Cancel, Modify, Wait {
    }

    record Submit(Side side, boolean market, int ticksFromBase, long quantity) implements Action {
    }

    record Cancel(int pick) implements Action {
    }

    record Modify(int pick, int ticksFromBase, long quantity) implements Action {
    }

    record Wait(int seconds) implements Action {
    }

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<Integer> ticks = Arbitraries.integers().between(-45, 45);
        Arbitrary<Long> quantity = Arbitraries.longs().between(1, 60);
        Arbitrary<Action> submit = Combinators.combine(Arbitraries.of(Side.class),
                Arbitraries.integers().between(0, 9).map(i -> i == 0), ticks, quantity).as(Submit::new);
        Arbitrary<Action> cancel = Arbitraries.integers().between(0, 1_000).map(Cancel::new);
        Arbitrary<Action> modify = Combinators.combine(Arbitraries.integers().between(0, 1_000), ticks,
                Arbitraries.longs().between(0, 70)).as(Modify::new);
        Arbitrary<Action> wait = Arbitraries.integers().between(1, 150).map(Wait::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, submit), net.jqwik.api.Tuple.of(3, cancel),
                net.jqwik.api.Tuple.of(3, modify), net.jqwik.api.Tuple.of(1, wait));
    }

    @Property(tries = 300)
    void the_book_stays_consistent_under_any_order_flow(@ForAll @Size(max = 80) List<@net.jqwik.api.From("actions") Action> script) {
        EngineFixture f = new EngineFixture(Market.KOSPI, true, 10_000, true).continuous();
        List<ExchangeOrderId> ids = new ArrayList<>();
        for (Action action : script) {
            int eventsBefore = f.events.size();
            List<RestingOrderView> bidsBefore = f.engine.orderBook().ordersInPriority(Side.BUY);
            List<RestingOrderView> asksBefore = f.engine.orderBook().ordersInPriority(Side.SELL);
            TradingState stateBefore = f.engine.state();
            if (action instanceof Submit s) {
                OrderResponse r = s.market() ? f.market(s.side(), s.quantity())
                        : f.limit(s.side(), price(s.ticksFromBase()), s.quantity());
                if (r instanceof OrderAccepted a) {
                    ids.add(a.orderId());
                    if (stateBefore == TradingState.CONTINUOUS) {
                        assertMakersWereTheFrontOfTheQueue(f, eventsBefore, a.orderId(),
                                s.side() == Side.BUY ? asksBefore : bidsBefore);
                    }
                }
            } else if (action instanceof Cancel c) {
                if (!ids.isEmpty()) {
                    f.engine.cancel(ids.get(c.pick() % ids.size()));
                }
            } else if (action instanceof Modify m) {
                if (!ids.isEmpty()) {
                    f.engine.modify(ids.get(m.pick() % ids.size()), price(m.ticksFromBase()), m.quantity());
                }
            } else if (action instanceof Wait w) {
                f.clock.advance(Duration.ofSeconds(w.seconds()));
            }
            assertInvariants(f, ids);
        }
    }

    private static long price(int ticksFromBase) {
        return 10_000 + 10L * ticksFromBase;
    }

    /** The resting orders an incoming order traded with are exactly the first ones in price-time priority. */
    private static void assertMakersWereTheFrontOfTheQueue(EngineFixture f, int eventsBefore, ExchangeOrderId taker,
                                                           List<RestingOrderView> oppositeBefore) {
        LinkedHashSet<ExchangeOrderId> makers = new LinkedHashSet<>();
        for (ExchangeEvent e : f.events.subList(eventsBefore, f.events.size())) {
            if (e instanceof OrderExecution x && !x.orderId().equals(taker)) {
                makers.add(x.orderId());
            }
        }
        List<ExchangeOrderId> expected = oppositeBefore.stream().limit(makers.size())
                .map(RestingOrderView::orderId).toList();
        assertThat(new ArrayList<>(makers)).isEqualTo(expected);
    }

    private static void assertInvariants(EngineFixture f, List<ExchangeOrderId> ids) {
        OrderBook book = f.engine.orderBook();
        if (!f.engine.state().isAuction()) {
            assertThat(book.isCrossed()).as("crossed book in %s", f.engine.state()).isFalse();
        }
        PriceBand band = f.engine.instrument().band();
        for (Side side : Side.values()) {
            List<RestingOrderView> queue = book.ordersInPriority(side);
            for (int i = 0; i < queue.size(); i++) {
                RestingOrderView o = queue.get(i);
                assertThat(TickSize.isValid(o.price())).isTrue();
                assertThat(band.contains(o.price())).isTrue();
                assertThat(o.leavesQuantity()).isPositive();
                if (i > 0) {
                    RestingOrderView prev = queue.get(i - 1);
                    boolean betterOrSame = side == Side.BUY ? prev.price() >= o.price() : prev.price() <= o.price();
                    assertThat(betterOrSame).as("price priority").isTrue();
                    if (prev.price() == o.price()) {
                        assertThat(prev.priority()).as("time priority").isLessThan(o.priority());
                    }
                }
            }
        }
        Map<ExchangeOrderId, Long> filled = new HashMap<>();
        long bought = 0;
        long sold = 0;
        for (ExchangeEvent e : f.events) {
            if (e instanceof OrderExecution x) {
                assertThat(x.fillQuantity()).isPositive();
                assertThat(x.leavesQuantity()).isNotNegative();
                long cumulative = filled.merge(x.orderId(), x.fillQuantity(), Long::sum);
                assertThat(x.cumulativeQuantity()).isEqualTo(cumulative);
                if (x.side() == Side.BUY) {
                    bought += x.fillQuantity();
                } else {
                    sold += x.fillQuantity();
                }
            }
        }
        assertThat(bought).as("shares bought equal shares sold").isEqualTo(sold);
        assertThat(f.engine.stats().volume()).isEqualTo(bought);
        for (ExchangeOrderId id : ids) {
            RestingOrderView o = f.view(id);
            assertThat(o.filledQuantity()).isEqualTo(filled.getOrDefault(id, 0L));
            assertThat(o.filledQuantity() + o.leavesQuantity()).isLessThanOrEqualTo(o.originalQuantity());
            assertThat(o.leavesQuantity()).isNotNegative();
            assertThat(o.open()).isEqualTo(o.leavesQuantity() > 0);
        }
    }
}
