package com.aegis.workers.batch;

import com.aegis.activities.batch.BatchRunActivitiesImpl;
import com.aegis.activities.cache.CacheSettings;
import com.aegis.activities.cache.TieredAnalyticsCache;
import com.aegis.activities.collection.CollectionActivitiesImpl;
import com.aegis.activities.collection.CollectionSettings;
import com.aegis.activities.market.ListedStocks;
import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.scoring.ScoringActivitiesImpl;
import com.aegis.activities.scoring.ScoringSettings;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.KrxDataClient;
import com.aegis.activities.sources.OpenDartClient;
import com.aegis.workers.config.AegisProperties;
import com.aegis.workers.config.InfrastructureClientsConfig;
import com.aegis.workflows.batch.CollectionActivities;
import com.aegis.workflows.schedule.ScheduleActivitiesImpl;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activities of {@code aegis-batch} and what they need. Bean names match {@code application.yml}'s worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchProperties.class)
public class BatchConfig {

    @Bean(destroyMethod = "close")
    TieredAnalyticsCache analyticsCache(AegisProperties properties, BatchProperties batch,
            ObjectProvider<MeterRegistry> meters) {
        return new TieredAnalyticsCache(properties.redis().uri(),
                CacheSettings.defaults(batch.cache().schemaVersion()), meters.getIfAvailable());
    }

    /** JSON records (the watchlist) keyed by date. */
    @Bean(destroyMethod = "close")
    Producer<String, String> jsonKafkaProducer(AegisProperties properties) {
        return new KafkaProducer<>(InfrastructureClientsConfig.producerSettings(properties, "json-producer"),
                new StringSerializer(), new StringSerializer());
    }

    @Bean
    ScoringActivitiesImpl scoringActivities(DSLContext db, BatchProperties batch, Producer<String, String> producer,
            TieredAnalyticsCache cache) {
        return new ScoringActivitiesImpl(db, ScoringSettings.defaults().withScreener(batch.screener().criteria()),
                Clock.systemUTC(), producer, cache);
    }

    @Bean
    BatchRunActivitiesImpl batchRunActivities(DSLContext db) {
        return new BatchRunActivitiesImpl(db, Clock.systemUTC());
    }

    /**
     * Built on the first collection, because the provider clients are: a deployment without OpenDART credentials
     * starts, and its first collection fails with the message naming the missing variable.
     */
    @Bean
    CollectionActivities collectionActivities(DSLContext db, ObjectProvider<FailoverFetcher> fetcher,
            ObjectProvider<KrxDataClient> krx, ObjectProvider<OpenDartClient> dart, DataQualityRepository quality,
            TieredAnalyticsCache cache) {
        return new DeferredCollectionActivities(() -> new CollectionActivitiesImpl(db, fetcher.getObject(),
                krx.getObject(), dart.getObject(), quality, new ListedStocks(db), cache,
                CollectionSettings.defaults(), Clock.systemUTC()));
    }

    @Bean
    ScheduleActivitiesImpl scheduleActivities(WorkflowClient client) {
        return new ScheduleActivitiesImpl(client);
    }
}
