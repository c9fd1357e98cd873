package com.aegis.marketsim.exchange;

import static com.aegis.core.market.Side.BUY;
import static com.aegis.core.market.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.krx.FillCost;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.clock.WallTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeSimulatorTest {

    private static final LocalDate DAY = EngineFixture.DAY;
    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final Symbol SUSPENDED = Symbol.of("000660");
    private static final AccountId ALICE = new AccountId("ALICE");
    private static final AccountId BOB = new AccountId("BOB");
    private static final TradingCosts COSTS = TradingCosts.standard();

    private final SimulationClock clock = SimulationClock.stepped(EngineFixture.kst(8, 0));
    private final ExchangeSimulator sim = new ExchangeSimulator(clock, SimulatorSettings.withoutParticipants(1));
    private final List<ExchangeEvent> events = new ArrayList<>();
    private int keys;

    @BeforeEach
    void openDay() {
        sim.addListener(events::add);
        sim.openDay(DAY, List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 10_000, 10_000, 10_500, 9_800, 10_200, 100_000, false),
                DayPlan.halted(SUSPENDED, Market.KOSPI, 50_000)));
        sim.openAccount(ALICE, 1_000_000);
        sim.openAccount(BOB, 1_000_000);
    }

    private ClientOrderKey key() {
        return new ClientOrderKey("order-" + (++keys));
    }

    private RejectReason reasonOf(Object response) {
        assertThat(response).isInstanceOf(OrderRejected.class);
        return ((OrderRejected) response).reason();
    }

    @Test
    void orders_before_order_entry_opens_are_refused_and_after_it_accepted() {
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 10_000, 1))))
                .isEqualTo(RejectReason.MARKET_CLOSED);
        sim.runUntil(LocalTime.of(8, 30));
        assertThat(sim.tradingState(SAMSUNG)).contains(TradingState.PRE_OPEN_AUCTION);
        assertThat(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 10_000, 1)).isAccepted()).isTrue();
    }

    @Test
    void the_same_client_key_twice_returns_the_first_order_and_places_nothing_new() {
        sim.runUntil(LocalTime.of(9, 1));
        NewOrder order = NewOrder.limit(new ClientOrderKey("wf-42/act-7"), ALICE, SAMSUNG, BUY, 9_900, 10);
        OrderResponse first = sim.submit(order);
        OrderResponse again = sim.submit(order);

        assertThat(again).isEqualTo(first);
        assertThat(events.stream().filter(OrderAccepted.class::isInstance)).hasSize(1);
        assertThat(sim.orderBook(SAMSUNG)).get().extracting(b -> b.bids().get(0).quantity()).isEqualTo(10L);
    }

    @Test
    void unknown_symbols_accounts_and_halted_stocks_are_refused() {
        sim.runUntil(LocalTime.of(9, 1));
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, Symbol.of("123456"), BUY, 10_000, 1))))
                .isEqualTo(RejectReason.UNKNOWN_SYMBOL);
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), new AccountId("NOBODY"), SAMSUNG, BUY, 10_000, 1))))
                .isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SUSPENDED, BUY, 50_000, 1))))
                .isEqualTo(RejectReason.TRADING_HALTED);
        assertThat(sim.tradingState(SUSPENDED)).contains(TradingState.HALTED);
    }

    @Test
    void a_buy_needs_free_cash_for_value_and_commission() {
        sim.runUntil(LocalTime.of(9, 1));
        // 100 x 10,000 = 1,000,000 plus commission exceeds 1,000,000
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 10_000, 100))))
                .isEqualTo(RejectReason.INSUFFICIENT_CASH);
        OrderAccepted ok = (OrderAccepted) sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 10_000, 99));
        AccountSnapshot alice = sim.account(ALICE).orElseThrow();
        assertThat(alice.reservedCash()).isEqualTo(990_000 + COSTS.commission(990_000));
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 9_000, 2))))
                .isEqualTo(RejectReason.INSUFFICIENT_CASH);
        // a market buy reserves at the upper limit (13,000)
        assertThat(reasonOf(sim.submit(NewOrder.market(key(), BOB, SAMSUNG, BUY, 77))))
                .isEqualTo(RejectReason.INSUFFICIENT_CASH);
        assertThat(sim.submit(NewOrder.market(key(), BOB, SAMSUNG, BUY, 76)).isAccepted()).isTrue();

        assertThat(sim.cancel(new CancelOrder(ALICE, ok.orderId()))).isInstanceOf(OrderCancelled.class);
        assertThat(sim.account(ALICE).orElseThrow().reservedCash()).isZero();
    }

    @Test
    void a_sell_needs_free_shares_and_raising_a_buy_price_needs_cash() {
        sim.runUntil(LocalTime.of(9, 1));
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, SELL, 10_000, 1))))
                .isEqualTo(RejectReason.INSUFFICIENT_SHARES);
        sim.setHolding(ALICE, SAMSUNG, 10);
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, SELL, 10_000, 11))))
                .isEqualTo(RejectReason.INSUFFICIENT_SHARES);
        assertThat(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, SELL, 10_500, 10)).isAccepted()).isTrue();
        assertThat(sim.account(ALICE).orElseThrow().availableShares(SAMSUNG)).isZero();
        assertThat(reasonOf(sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, SELL, 10_500, 1))))
                .isEqualTo(RejectReason.INSUFFICIENT_SHARES);

        OrderAccepted buy = (OrderAccepted) sim.submit(NewOrder.limit(key(), BOB, SAMSUNG, BUY, 9_000, 100));
        assertThat(reasonOf(sim.modify(new ModifyOrder(BOB, buy.orderId(), 10_400, 100))))
                .isEqualTo(RejectReason.INSUFFICIENT_CASH);
        assertThat(sim.modify(new ModifyOrder(BOB, buy.orderId(), 9_100, 100))).isInstanceOf(OrderModified.class);
        assertThat(reasonOf(sim.cancel(new CancelOrder(ALICE, buy.orderId())))).isEqualTo(RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void fills_move_cash_and_shares_with_commission_and_sell_tax() {
        sim.runUntil(LocalTime.of(9, 1));
        sim.setHolding(BOB, SAMSUNG, 10);
        OrderAccepted sell = (OrderAccepted) sim.submit(NewOrder.limit(key(), BOB, SAMSUNG, SELL, 10_000, 10));
        sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 10_000, 10));

        FillCost buyCost = COSTS.cost(BUY, Market.KOSPI, DAY, 10_000, 10);
        FillCost sellCost = COSTS.cost(SELL, Market.KOSPI, DAY, 10_000, 10);
        AccountSnapshot alice = sim.account(ALICE).orElseThrow();
        AccountSnapshot bob = sim.account(BOB).orElseThrow();
        assertThat(alice.cash()).isEqualTo(1_000_000 - 100_000 - buyCost.commission());
        assertThat(alice.holding(SAMSUNG)).isEqualTo(10);
        assertThat(alice.reservedCash()).isZero();
        assertThat(bob.cash()).isEqualTo(1_000_000 + 100_000 - sellCost.commission() - sellCost.tax());
        assertThat(bob.holding(SAMSUNG)).isZero();
        assertThat(bob.taxPaid()).isEqualTo(sellCost.tax()).isPositive();
        assertThat(events.stream().filter(OrderExecution.class::isInstance).map(OrderExecution.class::cast)
                .filter(e -> e.orderId().equals(sell.orderId()))).singleElement()
                .satisfies(e -> assertThat(e.tax()).isEqualTo(sellCost.tax()));
    }

    @Test
    void open_orders_expire_at_the_close_and_the_next_day_can_open() {
        sim.runUntil(LocalTime.of(9, 1));
        sim.submit(NewOrder.limit(key(), ALICE, SAMSUNG, BUY, 9_000, 10));
        assertThatThrownBy(() -> sim.openDay(DAY.plusDays(1), List.of())).isInstanceOf(IllegalStateException.class);

        sim.runUntil(LocalTime.of(15, 31));
        assertThat(sim.account(ALICE).orElseThrow().reservedCash()).isZero();
        assertThat(events.stream().filter(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast))
                .extracting(OrderCancelled::reason).containsOnly(CancelReason.END_OF_DAY);
        sim.openDay(DAY.plusDays(1), List.of());
        assertThat(sim.symbols()).isEmpty();
    }

    @Test
    void an_accelerated_simulator_runs_a_whole_day_of_crowd_flow_in_about_two_wall_minutes() {
        long[] wallNanos = {0};
        WallTime fakeWall = new WallTime() {
            @Override
            public long nanoTime() {
                return wallNanos[0];
            }

            @Override
            public void sleepNanos(long nanos) {
                wallNanos[0] += nanos;
            }
        };
        SimulationClock accelerated = SimulationClock.accelerated(EngineFixture.kst(8, 55),
                SimulationClock.TRADING_DAY_IN_TWO_MINUTES, fakeWall);
        ExchangeSimulator fast = new ExchangeSimulator(accelerated, SimulatorSettings.standard(5));
        fast.openDay(DAY, List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 10_000, 10_000, 10_300, 9_900, 10_100, 50_000, false)));

        fast.runUntil(LocalTime.of(15, 30, 1));

        assertThat(fast.stats(SAMSUNG).orElseThrow().last()).isEqualTo(10_100);
        assertThat(fast.tradingState(SAMSUNG)).contains(TradingState.CLOSED);
        // 08:55 to 15:30 is 6 h 35 min of simulated time: just over two minutes of wall time at x195
        assertThat(java.time.Duration.ofNanos(wallNanos[0]))
                .isBetween(java.time.Duration.ofSeconds(120), java.time.Duration.ofSeconds(123));
    }

    @Test
    void a_closed_date_cannot_be_opened() {
        ExchangeSimulator other = new ExchangeSimulator(SimulationClock.stepped(EngineFixture.kst(8, 0)),
                SimulatorSettings.withoutParticipants(1));
        assertThatThrownBy(() -> other.openDay(LocalDate.of(2026, 11, 29), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a KRX trading day");
    }
}
