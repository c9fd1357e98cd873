package com.aegis.workers.providers;

import com.aegis.activities.kis.rest.KisClientSettings;
import com.aegis.activities.kis.rest.KisCredentials;
import com.aegis.activities.kis.rest.KisEnvironment;
import com.aegis.activities.kis.rest.KisProtocolErrorCounter;
import com.aegis.activities.kis.rest.KisRateLimiter;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.kis.rest.KisTokenCache;
import com.aegis.activities.market.ListedStocks;
import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.sources.DartApiKey;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.InMemoryLastGoodGlobalValues;
import com.aegis.activities.sources.KisDailyPriceSource;
import com.aegis.activities.sources.DartDailyQuota;
import com.aegis.activities.sources.KrxDataClient;
import com.aegis.activities.sources.OpenDartClient;
import com.aegis.activities.sources.Sleeper;
import com.aegis.activities.sources.YahooChartClient;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.marketsim.services.SimulatedService;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The production provider adapters, unchanged between the simulator and the real providers: with the local simulator
 * running they point at its services and its registered app; otherwise at the configured domains with credentials
 * from the environment. The clients are created on first use, so a deployment without broker credentials still
 * starts and fails only where a broker call is made, with a message naming the missing variable.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderClientsConfig {

    /** Base URLs and credentials the adapters use, and whether they lead to the simulator. */
    public record ProviderEndpoints(boolean simulated, KisEnvironment kis, URI krx, URI dart, URI yahoo,
                                    Optional<SimulatedProviders.Settings> simulator) {
    }

    @Bean
    ProviderEndpoints providerEndpoints(ProviderProperties properties, ObjectProvider<SimulatedProviders> simulator) {
        SimulatedProviders sim = simulator.getIfAvailable();
        if (sim != null) {
            return new ProviderEndpoints(true, KisEnvironment.live().withBaseUri(url(sim, SimulatedProviders.KIS_REST)),
                    url(sim, SimulatedProviders.KRX), url(sim, SimulatedProviders.DART),
                    url(sim, SimulatedProviders.YAHOO), Optional.of(sim.settings()));
        }
        KisEnvironment kis = switch (properties.kisEnvironment().toLowerCase(java.util.Locale.ROOT)) {
            case "live" -> KisEnvironment.live();
            case "paper" -> KisEnvironment.paper();
            default -> throw new IllegalArgumentException("aegis.providers.kis-environment must be live or paper, got '"
                    + properties.kisEnvironment() + "' (AEGIS_PROVIDERS_KIS_ENVIRONMENT)");
        };
        if (properties.kisBaseUrl() != null) {
            kis = kis.withBaseUri(properties.kisBaseUrl());
        }
        return new ProviderEndpoints(false, kis, properties.krxBaseUrl(), properties.dartBaseUrl(),
                properties.yahooBaseUrl(), Optional.empty());
    }

    @Bean
    KisProtocolErrorCounter kisProtocolErrorCounter() {
        return new KisProtocolErrorCounter();
    }

    @Bean
    @Lazy
    KisRestClient kisRestClient(ProviderEndpoints endpoints, ProviderProperties properties,
                                KisProtocolErrorCounter errors, @Value("${aegis.home:${user.home}/.aegis}") String home) {
        KisCredentials credentials = endpoints.simulator()
                .map(s -> KisCredentials.of(s.kisAppKey(), s.kisAppSecret(), s.kisAccountNumber(), "01"))
                .orElseGet(() -> KisCredentials.load(System.getenv()));
        Path cache = Path.of(properties.tokenCacheDir() != null ? properties.tokenCacheDir() : home + "/kis-tokens");
        return new KisRestClient(endpoints.kis(), credentials, KisTokenCache.inDirectory(cache),
                KisRateLimiter.forEnvironment(endpoints.kis()), errors, KisClientSettings.defaults(), Clock.systemUTC());
    }

    @Bean
    @Lazy
    KrxDataClient krxDataClient(ProviderEndpoints endpoints) {
        return new KrxDataClient(KrxDataClient.settings(endpoints.krx()), Sleeper.REAL);
    }

    @Bean
    @Lazy
    OpenDartClient openDartClient(ProviderEndpoints endpoints, ProviderProperties properties) {
        DartApiKey key = endpoints.simulator().map(s -> DartApiKey.of(s.dartApiKey()))
                .orElseGet(() -> DartApiKey.fromEnvironment(System.getenv()));
        return new OpenDartClient(OpenDartClient.settings(endpoints.dart()), key,
                new DartDailyQuota(properties.dartDailyQuota(), Clock.systemUTC()), Sleeper.REAL);
    }

    @Bean
    @Lazy
    YahooChartClient yahooChartClient(ProviderEndpoints endpoints) {
        return new YahooChartClient(YahooChartClient.settings(endpoints.yahoo()), Sleeper.REAL);
    }

    @Bean
    @Lazy
    KisDailyPriceSource kisDailyPriceSource(KisRestClient kis, DSLContext db) {
        return new KisDailyPriceSource(kis, new ListedStocks(db)::on);
    }

    /** Daily prices from KRX data, else KIS; global indicators from Yahoo, else the last good value (D2, D4). */
    @Bean
    @Lazy
    FailoverFetcher failoverFetcher(KrxDataClient krx, KisDailyPriceSource kis, YahooChartClient yahoo) {
        return new FailoverFetcher(krx, kis, yahoo, new InMemoryLastGoodGlobalValues(), Clock.systemUTC());
    }

    @Bean
    DataQualityRepository dataQualityRepository(DSLContext db) {
        return new DataQualityRepository(db);
    }

    private static URI url(SimulatedProviders sim, String service) {
        return sim.services().stream().filter(s -> s.name().equals(service)).map(SimulatedService::baseUrl)
                .map(URI::create).findFirst().orElseThrow();
    }
}
