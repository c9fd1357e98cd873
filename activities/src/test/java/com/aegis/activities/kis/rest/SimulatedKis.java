package com.aegis.activities.kis.rest;

import com.aegis.activities.testing.MutableClock;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.kis.rest.InMemoryKisVenue;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisAppRegistration;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisRestSimulator;
import com.aegis.marketsim.kis.rest.KisSimulatorSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The simulated KIS service with one app, one account and one listed stock, plus clients pointed at it. */
final class SimulatedKis implements AutoCloseable {

    static final String APP_KEY = "PSq7AppKeyForSimulation0001";
    static final String APP_SECRET = "zX9SecretValueNeverLogged0001";
    static final String ACCOUNT_NO = "50098765";
    static final Symbol SAMSUNG = Symbol.of("005930");
    static final Instant MORNING = Instant.parse("2026-03-03T00:30:00Z");

    final MutableClock serverClock = new MutableClock(MORNING);
    final MutableClock clientClock = new MutableClock(MORNING);
    final InMemoryKisVenue venue = new InMemoryKisVenue(serverClock);
    final KisRestSimulator server;
    final KisEnvironment environment;
    final KisProtocolErrorCounter protocolErrors = new KisProtocolErrorCounter();

    SimulatedKis(KisDomain domain, int serverPerSecond, KisFaultPolicy faults) {
        KisAccount account = new KisAccount(ACCOUNT_NO, "01");
        venue.listInstrument(SAMSUNG, "삼성전자", 70_000);
        venue.openAccount(account, 10_000_000);
        server = KisRestSimulator.start(KisSimulatorSettings.defaults(domain,
                        List.of(new KisAppRegistration(APP_KEY, APP_SECRET, account)))
                .withRequestsPerSecond(serverPerSecond), venue, serverClock, faults);
        KisEnvironment base = domain == KisDomain.LIVE ? KisEnvironment.live() : KisEnvironment.paper();
        environment = base.withBaseUri(server.baseUri());
    }

    static KisCredentials credentials() {
        return new KisCredentials(APP_KEY, APP_SECRET, ACCOUNT_NO, "01");
    }

    KisTokenCache cache(Path directory) {
        return new KisTokenCache(directory, clientClock, Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    KisRestClient client(Path cacheDirectory, int clientPerSecond) {
        return client(environment, credentials(), cache(cacheDirectory), clientPerSecond, KisClientSettings.defaults());
    }

    KisRestClient client(KisEnvironment env, KisCredentials credentials, KisTokenCache cache, int clientPerSecond,
                         KisClientSettings settings) {
        return new KisRestClient(env, credentials, cache,
                new KisRateLimiter(clientPerSecond, Duration.ofMillis(50), System::nanoTime), protocolErrors,
                settings, clientClock);
    }

    @Override
    public void close() {
        server.close();
    }
}
