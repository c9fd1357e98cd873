package com.aegis.activities.kis.rest;

import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.kis.rest.ExchangeKisVenue;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisAppRegistration;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisRestSimulator;
import com.aegis.marketsim.kis.rest.KisSimulatorSettings;
import com.aegis.marketsim.kis.rest.KisVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter against the simulated KIS service backed by the matching engine, over HTTP. */
class KisExchangeVenueTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Symbol SAMSUNG = Symbol.of("005930");

    @TempDir
    Path cacheDir;

    @Test
    void anOrderThroughTheAdapterMatchesOnTheExchangeAndShowsInFillsAndBalance() {
        SimulationClock clock = SimulationClock.stepped(
                ZonedDateTime.of(DAY, LocalTime.of(8, 0), ZoneId.of("Asia/Seoul")).toInstant());
        ExchangeSimulator exchange = new ExchangeSimulator(clock, SimulatorSettings.withoutParticipants(1));
        ExchangeKisVenue venue = new ExchangeKisVenue(exchange, TradingCosts.standard());
        List<DayPlan> plans = List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 70_000, 70_000, 71_000, 69_000, 70_500, 100_000, false));
        exchange.openDay(DAY, plans);
        venue.listDay(DAY, plans, Map.of(SAMSUNG, "삼성전자"));
        KisAccount ours = new KisAccount(SimulatedKis.ACCOUNT_NO, "01");
        KisAccount crowd = new KisAccount("59999999", "01");
        venue.openAccount(ours, 5_000_000);
        venue.openAccount(crowd, 0);
        venue.setHolding(crowd, SAMSUNG, 100, 60_000);
        exchange.runUntil(LocalTime.of(9, 5));
        venue.placeOrder(new KisVenue.OrderRequest(crowd, SAMSUNG, Side.SELL, KisVenue.OrderKind.LIMIT, 70_100, 20));

        try (KisRestSimulator server = KisRestSimulator.start(KisSimulatorSettings.defaults(KisDomain.PAPER,
                List.of(new KisAppRegistration(SimulatedKis.APP_KEY, SimulatedKis.APP_SECRET, ours))),
                venue, venue.clock(), KisFaultPolicy.none())) {
            KisRestClient client = new KisRestClient(KisEnvironment.paper().withBaseUri(server.baseUri()),
                    SimulatedKis.credentials(), new KisTokenCache(cacheDir, venue.clock(), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                    new KisRateLimiter(2, Duration.ofMillis(20), System::nanoTime), new KisProtocolErrorCounter(),
                    KisClientSettings.defaults(), venue.clock());

            assertThat(client.inquireAskingPrice(SAMSUNG).asks().get(0))
                    .isEqualTo(new KisAskingPrice.Level(70_100, 20));
            KisOrderAck ack = client.placeOrder(KisCashOrder.market(SAMSUNG, Side.BUY, 10));
            List<KisDailyOrder> orders = client.dailyOrders(DAY, DAY);
            assertThat(orders).singleElement().satisfies(o -> {
                assertThat(o.orderNumber()).isEqualTo(ack.orderNumber());
                assertThat(o.filledQuantity()).isEqualTo(10);
                assertThat(o.averageFillPrice()).isEqualTo(70_100);
            });
            KisBalance balance = client.balance();
            assertThat(balance.holdings()).singleElement().satisfies(h -> {
                assertThat(h.quantity()).isEqualTo(10);
                assertThat(h.averagePrice()).isEqualTo(70_100);
            });
            assertThat(balance.deposit()).isEqualTo(5_000_000 - 701_000 - TradingCosts.standard().commission(701_000));

            // The daily chart: the given history, then today's session from the exchange's stats.
            venue.useHistory(symbol -> List.of(
                    new DailyBar(SAMSUNG, DAY.minusDays(4), 68_000, 68_500, 69_500, 68_000, 69_000, 9_000_000,
                            620_000_000_000L),
                    new DailyBar(SAMSUNG, DAY.minusDays(3), 69_000, 69_000, 70_200, 68_800, 70_000, 11_000_000,
                            765_000_000_000L)), symbol -> 5_969_782_550L);
            KisDailyChart chart = client.dailyChart(SAMSUNG, DAY.minusDays(30), DAY);
            assertThat(chart.name()).isEqualTo("삼성전자");
            assertThat(chart.listedShares()).isEqualTo(5_969_782_550L);
            assertThat(chart.bars()).extracting(KisDailyBar::date)
                    .containsExactly(DAY.minusDays(4), DAY.minusDays(3), DAY);
            assertThat(chart.bars().get(1)).isEqualTo(new KisDailyBar(DAY.minusDays(3), 69_000, 70_200, 68_800,
                    70_000, 11_000_000, 765_000_000_000L, 1_000));
            KisDailyBar today = chart.bars().get(2);
            assertThat(today.close()).isEqualTo(70_100);
            assertThat(today.change()).isEqualTo(100);
            assertThat(today.volume()).isGreaterThanOrEqualTo(10);
            assertThat(client.dailyChart(SAMSUNG, DAY.minusDays(3), DAY.minusDays(3)).bars()).hasSize(1);
        }
    }
}
