package com.aegis.marketsim.kis.rest;

import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.SimulatorSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeKisVenueTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final KisAccount BUYER = new KisAccount("50000001", "01");
    private static final KisAccount SELLER = new KisAccount("50000002", "01");

    private final SimulationClock clock = SimulationClock.stepped(
            ZonedDateTime.of(DAY, LocalTime.of(8, 0), ZoneId.of("Asia/Seoul")).toInstant());
    private final ExchangeSimulator exchange = new ExchangeSimulator(clock, SimulatorSettings.withoutParticipants(1));
    private final ExchangeKisVenue venue = new ExchangeKisVenue(exchange, TradingCosts.standard());

    @BeforeEach
    void openDay() {
        List<DayPlan> plans = List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 10_000, 10_000, 10_500, 9_800, 10_200, 100_000, false));
        exchange.openDay(DAY, plans);
        venue.listDay(DAY, plans, Map.of(SAMSUNG, "삼성전자"));
        venue.openAccount(BUYER, 1_000_000);
        venue.openAccount(SELLER, 0);
        venue.setHolding(SELLER, SAMSUNG, 50, 9_000);
        exchange.runUntil(LocalTime.of(9, 1));
    }

    @Test
    void aCrossingOrderFillsAndShowsInDailyOrdersAndBalance() {
        KisVenue.OrderResult sell = venue.placeOrder(new KisVenue.OrderRequest(SELLER, SAMSUNG, Side.SELL,
                KisVenue.OrderKind.LIMIT, 10_000, 10));
        KisVenue.OrderResult buy = venue.placeOrder(new KisVenue.OrderRequest(BUYER, SAMSUNG, Side.BUY,
                KisVenue.OrderKind.LIMIT, 10_000, 10));
        assertThat(sell).isInstanceOf(KisVenue.Accepted.class);
        assertThat(buy).isInstanceOf(KisVenue.Accepted.class);

        List<KisVenue.OrderRecord> buys = venue.dailyOrders(BUYER, DAY, DAY);
        assertThat(buys).singleElement().satisfies(r -> {
            assertThat(r.orderNo()).isEqualTo(((KisVenue.Accepted) buy).orderNo());
            assertThat(r.filledQuantity()).isEqualTo(10);
            assertThat(r.averageFillPrice()).isEqualTo(10_000);
            assertThat(r.remainingQuantity()).isZero();
        });
        KisVenue.Balance balance = venue.balance(BUYER).orElseThrow();
        long commission = TradingCosts.standard().commission(100_000);
        assertThat(balance.deposit()).isEqualTo(1_000_000 - 100_000 - commission);
        assertThat(balance.holdings()).singleElement().satisfies(h -> {
            assertThat(h.quantity()).isEqualTo(10);
            assertThat(h.averagePrice()).isEqualTo(10_000);
        });
        assertThat(venue.quote(SAMSUNG).orElseThrow().price()).isEqualTo(10_000);
        assertThat(venue.quote(SAMSUNG).orElseThrow().upperLimit()).isEqualTo(13_000);
    }

    @Test
    void modifyAndCancelGetNewOrderNumbersAndRejectionsMapToKisCodes() {
        KisVenue.Accepted resting = (KisVenue.Accepted) venue.placeOrder(new KisVenue.OrderRequest(BUYER, SAMSUNG,
                Side.BUY, KisVenue.OrderKind.LIMIT, 9_900, 5));
        KisVenue.Accepted modified = (KisVenue.Accepted) venue.modify(BUYER, resting.orderNo(),
                KisVenue.OrderKind.LIMIT, 9_800, 3);
        KisVenue.Accepted cancelled = (KisVenue.Accepted) venue.cancel(BUYER, modified.orderNo());

        assertThat(venue.dailyOrders(BUYER, DAY, DAY)).extracting(KisVenue.OrderRecord::orderNo)
                .containsExactly(resting.orderNo(), modified.orderNo(), cancelled.orderNo());
        assertThat(venue.orderBook(SAMSUNG).orElseThrow().bids()).isEmpty();
        assertThat(venue.balance(BUYER).orElseThrow().orderableCash()).isEqualTo(1_000_000);

        KisVenue.OrderResult offTick = venue.placeOrder(new KisVenue.OrderRequest(BUYER, SAMSUNG, Side.BUY,
                KisVenue.OrderKind.LIMIT, 10_005, 1));
        assertThat(offTick).isInstanceOfSatisfying(KisVenue.Rejected.class,
                r -> assertThat(r.messageCode()).isEqualTo(KisMessages.INVALID_PRICE));
        KisVenue.OrderResult tooBig = venue.placeOrder(new KisVenue.OrderRequest(BUYER, SAMSUNG, Side.BUY,
                KisVenue.OrderKind.LIMIT, 10_000, 1_000));
        assertThat(tooBig).isInstanceOfSatisfying(KisVenue.Rejected.class,
                r -> assertThat(r.messageCode()).isEqualTo(KisMessages.INSUFFICIENT_CASH));
        assertThat(venue.buyable(BUYER, SAMSUNG, KisVenue.OrderKind.LIMIT, 10_000).orElseThrow().maxQuantity())
                .isEqualTo(99);
    }
}
