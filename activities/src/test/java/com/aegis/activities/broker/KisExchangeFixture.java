package com.aegis.activities.broker;

import com.aegis.activities.kis.rest.KisClientSettings;
import com.aegis.activities.kis.rest.KisCredentials;
import com.aegis.activities.kis.rest.KisEnvironment;
import com.aegis.activities.kis.rest.KisProtocolErrorCounter;
import com.aegis.activities.kis.rest.KisRateLimiter;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.kis.rest.KisTokenCache;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.aegis.marketsim.kis.rest.ExchangeKisVenue;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisAppRegistration;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisRestSimulator;
import com.aegis.marketsim.kis.rest.KisSimulatorSettings;
import com.aegis.marketsim.kis.rest.KisVenue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The simulated KIS REST service (live flavour) backed by the matching engine in continuous trading at 09:05 KST,
 * with our account (cash only) and a crowd account holding shares to trade against, and a client for our account
 * running on the exchange's simulated clock. Stocks: {@link #SAMSUNG} (base 10,000 KRW, limits 7,000-13,000) and
 * {@link #HYNIX} (base 100,000 KRW).
 */
public final class KisExchangeFixture implements AutoCloseable {

    public static final Symbol SAMSUNG = Symbol.of("005930");
    public static final Symbol HYNIX = Symbol.of("000660");
    public static final String APP_KEY = "PSbrokerTestAppKey00000000000001";
    public static final String APP_SECRET = "brokerTestSecretNeverLogged0001";
    public static final KisAccount OURS = new KisAccount("50077001", "01");
    public static final KisAccount CROWD = new KisAccount("59977001", "01");
    public static final long CASH = 2_000_000;

    public final LocalDate day;
    public final SimulationClock simulationClock;
    public final ExchangeSimulator exchange;
    public final ExchangeKisVenue venue;
    public final KisRestSimulator server;
    public final KisRestClient client;

    public KisExchangeFixture(LocalDate day, Path tokenCacheDirectory) {
        this.day = day;
        simulationClock = SimulationClock.stepped(day.atTime(8, 0).atZone(ZoneId.of("Asia/Seoul")).toInstant());
        exchange = new ExchangeSimulator(simulationClock, SimulatorSettings.withoutParticipants(1));
        venue = new ExchangeKisVenue(exchange, TradingCosts.standard());
        List<DayPlan> plans = List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 10_000, 10_000, 10_500, 9_800, 10_200, 100_000, false),
                new DayPlan(HYNIX, Market.KOSPI, true, 100_000, 100_000, 101_000, 99_000, 100_500, 10_000, false));
        exchange.openDay(day, plans);
        venue.listDay(day, plans, Map.of(SAMSUNG, "삼성전자", HYNIX, "SK하이닉스"));
        venue.openAccount(OURS, CASH);
        venue.openAccount(CROWD, 0);
        venue.setHolding(CROWD, SAMSUNG, 1_000, 9_000);
        venue.setHolding(CROWD, HYNIX, 100, 90_000);
        exchange.runUntil(LocalTime.of(9, 5));
        server = KisRestSimulator.start(KisSimulatorSettings.defaults(KisDomain.LIVE,
                List.of(new KisAppRegistration(APP_KEY, APP_SECRET, OURS))), venue, venue.clock(),
                KisFaultPolicy.none());
        client = new KisRestClient(KisEnvironment.live().withBaseUri(server.baseUri()),
                new KisCredentials(APP_KEY, APP_SECRET, OURS.cano(), OURS.productCode()),
                new KisTokenCache(tokenCacheDirectory, venue.clock(), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                new KisRateLimiter(20, Duration.ofMillis(10), System::nanoTime), new KisProtocolErrorCounter(),
                KisClientSettings.defaults(), venue.clock());
    }

    /** The exchange's simulated time. */
    public Clock clock() {
        return venue.clock();
    }

    /** A crowd order resting on (or trading against) the book. */
    public void crowd(Symbol symbol, Side side, long price, long quantity) {
        KisVenue.OrderResult result = venue.placeOrder(new KisVenue.OrderRequest(CROWD, symbol, side,
                KisVenue.OrderKind.LIMIT, price, quantity));
        if (!(result instanceof KisVenue.Accepted)) {
            throw new IllegalStateException("crowd order refused: " + result);
        }
    }

    /** Our account's orders of the day as the venue holds them (originals, modifications and cancels). */
    public List<KisVenue.OrderRecord> ourOrders() {
        return venue.dailyOrders(OURS, day, day);
    }

    /** Our original orders (neither modifications nor cancels). */
    public List<KisVenue.OrderRecord> ourOriginalOrders() {
        return ourOrders().stream().filter(r -> r.originalOrderNo().isEmpty() && !r.cancelOrder()).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
