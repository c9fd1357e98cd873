package com.aegis.workers.trading;

import com.aegis.activities.broker.KisBrokerActivities;
import com.aegis.activities.control.ControlActivitiesImpl;
import com.aegis.activities.control.ControlSettings;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.orders.OrderPlanningActivitiesImpl;
import com.aegis.activities.orders.OrderStoreActivitiesImpl;
import com.aegis.activities.orders.check.CachingLastPriceSource;
import com.aegis.activities.orders.check.DailyBarLastPriceSource;
import com.aegis.activities.orders.check.FallbackLastPriceSource;
import com.aegis.activities.orders.check.KisQuoteLastPriceSource;
import com.aegis.activities.orders.check.LastPriceSource;
import com.aegis.activities.orders.check.OrderCheckActivitiesImpl;
import com.aegis.core.risk.RiskLimits;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workers.sim.SimulatedProvidersConfig.SimulatedAccount;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The activities of {@code aegis-orders} and {@code aegis-broker}. Bean names match {@code application.yml}'s workers.
 * Orders and the trading control follow the venue's clock: the simulated exchange's in the local profile, the system
 * clock in production.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradingProperties.class)
public class TradingConfig {

    @Bean
    MarketClock marketClock(ObjectProvider<SimulatedProviders> simulator) {
        SimulatedProviders sim = simulator.getIfAvailable();
        if (sim == null) {
            return MarketClock.system();
        }
        double factor = sim.clock().factor();
        return new MarketClock(sim.clock().asClock(), factor > 0 ? factor : 1.0);
    }

    @Bean
    ControlActivitiesImpl controlActivities(DSLContext db, WorkflowClient client, Producer<String, String> producer,
            TradingProperties trading, MarketClock market) {
        return new ControlActivitiesImpl(db, client, producer, ControlSettings.defaults(trading.account()),
                market.clock(), market.speed());
    }

    @Bean
    OrderStoreActivitiesImpl orderStoreActivities(DSLContext db) {
        return new OrderStoreActivitiesImpl(db, Clock.systemUTC());
    }

    /** The broker's quote, else the stored close; kept 5 s so a burst of checks asks the broker once per stock. */
    @Bean
    LastPriceSource lastPriceSource(DSLContext db, KisRestClient kis) {
        return new CachingLastPriceSource(new FallbackLastPriceSource(new KisQuoteLastPriceSource(kis),
                new DailyBarLastPriceSource(db)), Duration.ofSeconds(5));
    }

    /** Broker calls on {@code aegis-broker}; trade dates follow the venue's clock. */
    @Bean
    KisBrokerActivities brokerActivities(KisRestClient kis, DSLContext db, MarketClock market,
            ObjectProvider<SimulatedAccount> simulatedAccount) {
        // With the simulator, its fresh account is in the books before the first order can go out.
        simulatedAccount.getIfAvailable();
        return new KisBrokerActivities(kis, db, market.clock());
    }

    @Bean
    OrderCheckActivitiesImpl orderCheckActivities(DSLContext db, LastPriceSource prices, WorkflowClient client,
            MarketClock market) {
        return new OrderCheckActivitiesImpl(db, prices, new ControlledTradingState(client, market.clock()),
                RiskLimits.defaults(), market.clock(), market.speed());
    }

    @Bean
    OrderPlanningActivitiesImpl orderPlanningActivities(DSLContext db, WorkflowClient client, KisRestClient kis,
            TradingProperties trading, MarketClock market,
            ObjectProvider<SimulatedAccount> simulatedAccount) {
        simulatedAccount.getIfAvailable();
        // Decisions need the broker's live quote: a stock without one (halted, not trading today) is not decided on.
        LastPriceSource live = new CachingLastPriceSource(new KisQuoteLastPriceSource(kis),
                Duration.ofSeconds(5));
        return new OrderPlanningActivitiesImpl(db, client, live,
                OrderPlanningActivitiesImpl.Settings.defaults(trading.account(), trading.operators()),
                market.clock());
    }
}
