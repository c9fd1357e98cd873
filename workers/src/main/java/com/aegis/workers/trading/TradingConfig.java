package com.aegis.workers.trading;

import com.aegis.activities.control.ControlActivitiesImpl;
import com.aegis.activities.control.ControlSettings;
import com.aegis.activities.orders.OrderStoreActivitiesImpl;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activities of {@code aegis-orders}. Bean names match {@code application.yml}'s worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradingProperties.class)
public class TradingConfig {

    @Bean
    ControlActivitiesImpl controlActivities(DSLContext db, WorkflowClient client, Producer<String, String> producer,
            TradingProperties trading) {
        return new ControlActivitiesImpl(db, client, producer, ControlSettings.defaults(trading.account()),
                Clock.systemUTC());
    }

    @Bean
    OrderStoreActivitiesImpl orderStoreActivities(DSLContext db) {
        return new OrderStoreActivitiesImpl(db, Clock.systemUTC());
    }
}
