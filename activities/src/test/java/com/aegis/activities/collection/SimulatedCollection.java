package com.aegis.activities.collection;

import com.aegis.activities.market.ListedStocks;
import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.sources.DailyPrice;
import com.aegis.activities.sources.DailyPriceSource;
import com.aegis.activities.sources.DartApiKey;
import com.aegis.activities.sources.DartDailyQuota;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.Fetched;
import com.aegis.activities.sources.InMemoryLastGoodGlobalValues;
import com.aegis.activities.sources.KrxDataClient;
import com.aegis.activities.sources.OpenDartClient;
import com.aegis.activities.sources.ProviderSettings;
import com.aegis.activities.sources.RetryPolicy;
import com.aegis.activities.sources.Sleeper;
import com.aegis.activities.sources.SourceUnavailableException;
import com.aegis.activities.sources.YahooChartClient;
import com.aegis.activities.testing.TestMarket;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.providers.KrxDataSimulator;
import com.aegis.marketsim.providers.OpenDartSimulator;
import com.aegis.marketsim.providers.ProviderData;
import com.aegis.marketsim.providers.YahooChartSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The collection activities wired to the simulated KRX, OpenDART and Yahoo services (port 0) serving a
 * {@link ProviderData}, the shared test database and a fixed clock. The alternate daily-price source stands in for
 * the KIS daily price by reading the same market; it can be switched off to simulate a total outage.
 */
final class SimulatedCollection implements AutoCloseable {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final String DART_KEY = "collection-test-dart-key-5d21";
    private static final Sleeper NO_WAIT = d -> { };
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    /** The KIS daily price stand-in: the simulated market read directly, or down. */
    static final class KisStandIn implements DailyPriceSource {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        private final ProviderData data;

        KisStandIn(ProviderData data) {
            this.data = data;
        }

        @Override
        public String sourceName() {
            return "KIS_DAILY_PRICE";
        }

        @Override
        public Fetched<List<DailyPrice>> dailyPrices(LocalDate tradeDate) {
            calls.incrementAndGet();
            if (down.get()) {
                throw new SourceUnavailableException(sourceName(), "KIS answered HTTP 503 for every stock", null);
            }
            Map<String, Instrument> bySymbol = new HashMap<>();
            data.instruments().forEach(i -> bySymbol.put(i.symbol().code(), i));
            List<DailyPrice> out = new ArrayList<>();
            for (DailyBar b : data.barsOn(tradeDate)) {
                Instrument i = bySymbol.get(b.symbol().code());
                boolean traded = b.traded();
                out.add(new DailyPrice(b.symbol(), i.name(), i.market(), tradeDate,
                        traded ? OptionalLong.of(b.open()) : OptionalLong.empty(),
                        traded ? OptionalLong.of(b.high()) : OptionalLong.empty(),
                        traded ? OptionalLong.of(b.low()) : OptionalLong.empty(), b.close(),
                        b.close() - b.basePrice(), b.volume(), b.tradedValue(), b.close() * i.listedShares(),
                        i.listedShares()));
            }
            return new Fetched<>(out, 1, Duration.ZERO);
        }
    }

    final DSLContext dsl;
    final KrxDataSimulator krxSim;
    final OpenDartSimulator dartSim;
    final YahooChartSimulator yahooSim;
    final KisStandIn kis;
    final RecordingAnalyticsCache cache = new RecordingAnalyticsCache();
    final DataQualityRepository quality;
    final Instant now;
    final CollectionActivitiesImpl activities;

    /** Simulators answering as of {@code now}; every provider serves {@code data}. */
    SimulatedCollection(ProviderData data, FaultPlan faults, Instant now, CollectionSettings settings) {
        TestMarket.history();
        this.now = now;
        this.dsl = DSL.using(TestMarket.dataSource(), SQLDialect.POSTGRES);
        this.krxSim = KrxDataSimulator.start(data, faults, () -> now, 0);
        this.dartSim = OpenDartSimulator.start(data, OpenDartSimulator.Settings.of(DART_KEY, 100_000), faults,
                () -> now, 0);
        this.yahooSim = YahooChartSimulator.start(data, faults, () -> now, 0);
        this.kis = new KisStandIn(data);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        KrxDataClient krx = new KrxDataClient(settings(krxSim.baseUri()), NO_WAIT);
        YahooChartClient yahoo = new YahooChartClient(settings(yahooSim.baseUri()), NO_WAIT);
        OpenDartClient dart = new OpenDartClient(settings(dartSim.baseUri()), DartApiKey.of(DART_KEY),
                new DartDailyQuota(100_000, clock), NO_WAIT);
        FailoverFetcher fetcher = new FailoverFetcher(krx, kis, yahoo, new InMemoryLastGoodGlobalValues(), clock);
        this.quality = new DataQualityRepository(dsl);
        this.activities = new CollectionActivitiesImpl(dsl, fetcher, krx, dart, quality, new ListedStocks(dsl),
                cache, settings, clock);
    }

    SimulatedCollection(ProviderData data, FaultPlan faults, Instant now) {
        this(data, faults, now, CollectionSettings.defaults());
    }

    /** The KST evening of a trading day, when its KRX figures are public. */
    static Instant evening(LocalDate date) {
        return date.atTime(LocalTime.of(18, 30)).atZone(KST).toInstant();
    }

    private static ProviderSettings settings(java.net.URI base) {
        return new ProviderSettings(base, Duration.ofSeconds(2), Duration.ofSeconds(5), FAST_RETRY);
    }

    @Override
    public void close() {
        krxSim.close();
        dartSim.close();
        yahooSim.close();
    }
}
