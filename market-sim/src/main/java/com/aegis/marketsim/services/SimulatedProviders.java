package com.aegis.marketsim.services;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.clock.WallTime;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.kis.rest.ExchangeKisVenue;
import com.aegis.marketsim.kis.rest.KisAccount;
import com.aegis.marketsim.kis.rest.KisAppRegistration;
import com.aegis.marketsim.kis.rest.KisDomain;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisRestSimulator;
import com.aegis.marketsim.kis.rest.KisSimulatorSettings;
import com.aegis.marketsim.kis.ws.ExchangeRealtimeFeed;
import com.aegis.marketsim.kis.ws.KisAccountLink;
import com.aegis.marketsim.kis.ws.KisWebSocketSettings;
import com.aegis.marketsim.kis.ws.KisWebSocketSimulator;
import com.aegis.marketsim.kis.ws.RealtimeFaultHook;
import com.aegis.marketsim.providers.KrxDataSimulator;
import com.aegis.marketsim.providers.MarketHistoryProviderData;
import com.aegis.marketsim.providers.OpenDartSimulator;
import com.aegis.marketsim.providers.SimulatedHttpService;
import com.aegis.marketsim.providers.YahooChartSimulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outside world of a local AEGIS, running: a generated market, the exchange trading its last session on a
 * simulation clock, and the five provider services on localhost speaking the real protocols (KIS REST and WebSocket
 * backed by the exchange, KRX data, OpenDART and Yahoo backed by the history). Each service can be switched to a
 * failure mode while it runs.
 */
public final class SimulatedProviders implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulatedProviders.class);

    public static final String KIS_REST = "kis";
    public static final String KIS_WS = "kis-ws";
    public static final String KRX = "krx";
    public static final String DART = "dart";
    public static final String YAHOO = "yahoo";
    public static final List<String> SERVICES = List.of(KIS_REST, KIS_WS, KRX, DART, YAHOO);

    /**
     * @param speed exchange clock speed: 1 = real time, 195 = a trading day in about two minutes
     * @param kisAppKey the simulated broker's registered app (local, not a secret of any real account)
     */
    public record Settings(long seed, int stocks, int years, int intradayStocks, double speed,
                           int kisRestPort, int kisWebSocketPort, int krxPort, int dartPort, int yahooPort,
                           String kisAppKey, String kisAppSecret, String kisAccountNumber, String dartApiKey,
                           long startingCash, java.time.LocalTime clockStart) {

        public Settings {
            if (stocks < 50 || years < 1 || intradayStocks < 1 || !(speed > 0)) {
                throw new IllegalArgumentException("simulated market needs stocks >= 50, years >= 1, intraday stocks >= 1"
                        + " and a positive speed; got " + stocks + ", " + years + ", " + intradayStocks + ", " + speed);
            }
            if (clockStart == null || clockStart.isAfter(java.time.LocalTime.of(15, 30))) {
                throw new IllegalArgumentException("the session clock starts at or before 15:30 KST, got " + clockStart);
            }
        }

        /** Local defaults: the live KIS flavour's ports where they are free to use. */
        public static Settings localDefaults() {
            return new Settings(20261120L, 2800, 3, 20, 1.0, 9443, 21000, 8701, 8702, 8703,
                    "PSAEGISLOCALSIMULATORAPPKEY00000000", "aegis-local-simulator-secret", "50000000-01",
                    "aegis-local-dart-key-0000000000000000000", 100_000_000L, java.time.LocalTime.of(8, 0));
        }

        public Settings withPorts(int kisRest, int kisWs, int krx, int dart, int yahoo) {
            return new Settings(seed, stocks, years, intradayStocks, speed, kisRest, kisWs, krx, dart, yahoo,
                    kisAppKey, kisAppSecret, kisAccountNumber, dartApiKey, startingCash, clockStart);
        }

        public Settings withMarket(long newSeed, int newStocks, int newYears, int newIntradayStocks, double newSpeed) {
            return new Settings(newSeed, newStocks, newYears, newIntradayStocks, newSpeed, kisRestPort,
                    kisWebSocketPort, krxPort, dartPort, yahooPort, kisAppKey, kisAppSecret, kisAccountNumber,
                    dartApiKey, startingCash, clockStart);
        }

        /** The session clock starts at {@code start} KST (08:00 by default: an hour before the opening auction ends). */
        public Settings withClockStart(java.time.LocalTime start) {
            return new Settings(seed, stocks, years, intradayStocks, speed, kisRestPort, kisWebSocketPort, krxPort,
                    dartPort, yahooPort, kisAppKey, kisAppSecret, kisAccountNumber, dartApiKey, startingCash, start);
        }
    }

    private final Settings settings;
    private final MarketHistory history;
    private final LocalDate session;
    private final SimulationClock clock;
    private final ExchangeSimulator exchange;
    private final KisRestSimulator kisRest;
    private final KisWebSocketSimulator kisWebSocket;
    private final KrxDataSimulator krx;
    private final OpenDartSimulator dart;
    private final YahooChartSimulator yahoo;
    private final Thread sessionDriver;
    private final Map<String, FaultMode> modes = new LinkedHashMap<>();
    private final Map<String, String> modeDetails = new LinkedHashMap<>();

    private SimulatedProviders(Settings settings) {
        this.settings = settings;
        GeneratorConfig config = GeneratorConfig.defaults(settings.seed()).withStocks(settings.stocks())
                .withYears(settings.years());
        this.history = MarketGenerator.generate(config, ProgressListener.NONE);
        int day = SessionPlans.lastSession(history);
        this.session = history.tradingDays().get(day);
        List<DayPlan> plans = SessionPlans.mostTraded(history, day, settings.intradayStocks());

        Instant start = session.atTime(settings.clockStart()).atZone(KrxCalendar.KST).toInstant();
        this.clock = SimulationClock.accelerated(start, settings.speed(), WallTime.system());
        this.exchange = new ExchangeSimulator(clock, SimulatorSettings.standard(settings.seed()));

        List<AutoCloseable> started = new ArrayList<>();
        try {
            KisAccount account = parseAccount(settings.kisAccountNumber());
            ExchangeKisVenue venue = new ExchangeKisVenue(exchange, TradingCosts.standard());
            Map<Symbol, String> names = history.instruments().stream()
                    .collect(Collectors.toMap(Instrument::symbol, Instrument::name, (a, b) -> a));
            venue.listDay(session, plans, names);
            // KIS's daily chart (the alternate source of daily prices) answers from the generated history.
            Map<Symbol, Instrument> universe = history.instruments().stream()
                    .collect(Collectors.toMap(Instrument::symbol, i -> i, (a, b) -> a));
            venue.useHistory(symbol -> universe.containsKey(symbol) ? history.barsOf(symbol) : List.of(),
                    symbol -> universe.containsKey(symbol) ? universe.get(symbol).listedShares() : 0L);
            venue.openAccount(account, settings.startingCash());
            this.kisRest = KisRestSimulator.start(
                    KisSimulatorSettings.defaults(KisDomain.LIVE, List.of(new KisAppRegistration(settings.kisAppKey(),
                            settings.kisAppSecret(), account))).withPort(settings.kisRestPort()),
                    venue, venue.clock(), KisFaultPolicy.none());
            started.add(kisRest);

            KisAccountLink link = new KisAccountLink("aegis", account.cano() + account.productCode(), "AEGIS");
            Function<com.aegis.marketsim.exchange.AccountId, Optional<KisAccountLink>> links =
                    id -> id.equals(ExchangeKisVenue.accountId(account)) ? Optional.of(link) : Optional.empty();
            // Registered after the venue, which therefore numbers each order before the feed names it in a notice.
            ExchangeRealtimeFeed feed = new ExchangeRealtimeFeed(plans, links, venue::kisOrderNumber);
            exchange.addListener(feed);
            this.kisWebSocket = KisWebSocketSimulator.start(
                    KisWebSocketSettings.localDefaults(clock::now).withPort(settings.kisWebSocketPort()),
                    kisRest.tokens()::approvalKeyOwner, feed);
            started.add(kisWebSocket);

            MarketHistoryProviderData data = new MarketHistoryProviderData(history);
            this.krx = KrxDataSimulator.start(data, FaultPlan.none(), clock::now, settings.krxPort());
            started.add(krx);
            this.dart = OpenDartSimulator.start(data, new OpenDartSimulator.Settings(Set.of(settings.dartApiKey()),
                    Set.of(), 20_000), FaultPlan.none(), clock::now, settings.dartPort());
            started.add(dart);
            this.yahoo = YahooChartSimulator.start(data, FaultPlan.none(), clock::now, settings.yahooPort());
            started.add(yahoo);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
        SERVICES.forEach(s -> {
            modes.put(s, FaultMode.NORMAL);
            modeDetails.put(s, "");
        });

        exchange.openDay(session, plans);
        this.sessionDriver = new Thread(() -> exchange.runUntil(LocalTime.of(15, 30)), "simulated-krx-session");
        sessionDriver.setDaemon(true);
        sessionDriver.start();
    }

    /** Generates the market and starts every service; a port already in use fails with the service and the port. */
    public static SimulatedProviders start(Settings settings) {
        return new SimulatedProviders(settings);
    }

    public List<SimulatedService> services() {
        synchronized (modes) {
            return List.of(
                    service(KIS_REST, kisRest.baseUri().toString(), "KIS Open API REST (live flavour)",
                            kisRest.requestsTo("tokenP") + kisRest.admittedCalls(settings.kisAppKey())),
                    service(KIS_WS, kisWebSocket.endpoint().toString(), "KIS Open API real-time WebSocket",
                            kisWebSocket.dataFramesSent()),
                    service(KRX, krx.baseUri().toString(), "KRX market data (as pykrx reads it)", krx.requestsServed()),
                    service(DART, dart.baseUri().toString(), "OpenDART", dart.requestsServed()),
                    service(YAHOO, yahoo.baseUri().toString(), "Yahoo Finance chart API", yahoo.requestsServed()));
        }
    }

    private SimulatedService service(String name, String url, String standsFor, long served) {
        return new SimulatedService(name, url, standsFor, modes.get(name), modeDetails.get(name), served);
    }

    /**
     * Switches one service (or {@code all}) to a failure mode. {@code rate} is the share of requests affected for
     * ERRORS/MALFORMED/STALE, {@code amount} the milliseconds for SLOW and the minutes of simulated time for OUTAGE.
     */
    public void setFaultMode(String service, FaultMode mode, double rate, long amount) {
        String name = service.toLowerCase(Locale.ROOT);
        if (!name.equals("all") && !SERVICES.contains(name)) {
            throw new IllegalArgumentException("Unknown simulated service '" + service + "'; known: "
                    + String.join(", ", SERVICES) + ", all");
        }
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("fault rate must be between 0 and 1, got " + rate);
        }
        for (String target : name.equals("all") ? SERVICES : List.of(name)) {
            FaultPlan plan = planFor(target, mode, rate, amount);
            switch (target) {
                case KIS_REST -> kisRest.setFaultPolicy(KisFaultPolicy.of(plan));
                case KIS_WS -> kisWebSocket.setFaultHook(RealtimeFaultHook.fromPlan(plan, clock::now));
                case KRX -> krx.setFaultPlan(plan);
                case DART -> dart.setFaultPlan(plan);
                case YAHOO -> yahoo.setFaultPlan(plan);
                default -> throw new IllegalStateException(target);
            }
            synchronized (modes) {
                modes.put(target, mode);
                modeDetails.put(target, describe(mode, rate, amount));
            }
        }
    }

    private FaultPlan planFor(String service, FaultMode mode, double rate, long amount) {
        long seed = settings.seed();
        return switch (mode) {
            case NORMAL -> FaultPlan.none();
            case ERRORS -> new FaultPlan(seed, new FaultRule(LatencyDistribution.NONE, rate, 0, 0, Duration.ZERO),
                    List.of(), List.of());
            case MALFORMED -> new FaultPlan(seed, new FaultRule(LatencyDistribution.NONE, 0, rate, 0, Duration.ZERO),
                    List.of(), List.of());
            case STALE -> new FaultPlan(seed, new FaultRule(LatencyDistribution.NONE, 0, 0, rate, Duration.ofDays(1)),
                    List.of(), List.of());
            case SLOW -> new FaultPlan(seed, new FaultRule(LatencyDistribution.fixed(amount), 0, 0, 0, Duration.ZERO),
                    List.of(), List.of());
            case OUTAGE -> new FaultPlan(seed, FaultRule.NONE, List.of(), List.of(new OutageWindow(service, "*",
                    clock.now(), clock.now().plus(Duration.ofMinutes(Math.max(1, amount))))));
        };
    }

    private static String describe(FaultMode mode, double rate, long amount) {
        return switch (mode) {
            case NORMAL -> "";
            case ERRORS, MALFORMED, STALE -> String.format(Locale.ROOT, "%.0f%% of requests", rate * 100);
            case SLOW -> amount + " ms per request";
            case OUTAGE -> amount + " min of simulated time";
        };
    }

    public MarketHistory history() {
        return history;
    }

    public ExchangeSimulator exchange() {
        return exchange;
    }

    public SimulationClock clock() {
        return clock;
    }

    /** The session the exchange trades: the history's last trading day. */
    public LocalDate session() {
        return session;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        sessionDriver.interrupt();
        closeAll(List.of(yahoo, dart, krx, kisWebSocket, kisRest));
    }

    private static void closeAll(List<AutoCloseable> services) {
        for (AutoCloseable service : services) {
            try {
                service.close();
            } catch (Exception e) {
                // Closing the others matters more than this one's failure, which is logged.
                LOG.warn("Could not close a simulated service cleanly: {}", e.toString());
            }
        }
    }

    private static KisAccount parseAccount(String number) {
        String digits = number.replace("-", "");
        if (!digits.matches("\\d{10}")) {
            throw new IllegalArgumentException("KIS account number must be 8 digits and a 2-digit product code"
                    + " (e.g. 50000000-01); got a value of " + number.length() + " characters");
        }
        return new KisAccount(digits.substring(0, 8), digits.substring(8));
    }

    static {
        SimulatedHttpService.disableNagle();
    }
}
