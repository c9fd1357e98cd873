package com.aegis.workers.sim;

import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.marketsim.services.SimulatedService;
import com.aegis.workers.trading.TradingProperties;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jooq.DSLContext;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With the local profile, the simulated KRX exchange and provider services start with the workers and stop with them;
 * each service appears in the health document (component {@code simulator}) with its base URL.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnProperty(name = "aegis.sim.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedProvidersConfig {

    @Bean(destroyMethod = "close")
    SimulatedProviders simulatedProviders(SimulatorProperties properties) {
        return SimulatedProviders.start(properties.toSettings());
    }

    /** The simulated broker's fresh account, reflected in the books before any order can be placed. */
    public record SimulatedAccount(String account, LocalDate session, long startingCash) {
    }

    @Bean
    SimulatedAccount simulatedAccount(SimulatedProviders providers, DSLContext db,
            StatefulRedisConnection<String, String> redis, TradingProperties trading) {
        SimulatedAccountReset.reset(db, redis, providers, trading.account());
        return new SimulatedAccount(trading.account(), providers.session(), providers.settings().startingCash());
    }

    @Bean
    HealthContributor simulatorHealthContributor(SimulatedProviders providers) {
        Map<String, HealthIndicator> services = new LinkedHashMap<>();
        for (String name : SimulatedProviders.SERVICES) {
            services.put(name, () -> providers.services().stream().filter(s -> s.name().equals(name)).findFirst()
                    .map(SimulatedProvidersConfig::health)
                    .orElseGet(() -> Health.down().withDetail("error", "not running").build()));
        }
        return CompositeHealthContributor.fromMap(services);
    }

    private static Health health(SimulatedService service) {
        Health.Builder builder = Health.up()
                .withDetail("address", service.baseUrl())
                .withDetail("standsFor", service.standsFor())
                .withDetail("mode", "simulated, faults " + service.faultMode()
                        + (service.faultDetail().isEmpty() ? "" : " (" + service.faultDetail() + ")"))
                .withDetail("version", "market-sim")
                .withDetail("requests", service.requestsServed());
        return builder.build();
    }
}
