package com.aegis.workers.fills;

import com.aegis.activities.fills.CumulativeFillCounter;
import com.aegis.activities.fills.FillBridgeSettings;
import com.aegis.activities.fills.FillNoticeBridge;
import com.aegis.activities.fills.FillQuarantine;
import com.aegis.activities.fills.FillRouterSettings;
import com.aegis.activities.fills.FillSignalConsumer;
import com.aegis.activities.fills.LedgerWorkflowIdLookup;
import com.aegis.activities.fills.WorkflowIdLookup;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.kis.ws.KisRealtimeClient;
import com.aegis.activities.kis.ws.KisRealtimeSettings;
import com.aegis.activities.kis.ws.KisRealtimeTr;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workers.config.AegisProperties;
import com.aegis.workers.providers.ProviderClientsConfig.ProviderEndpoints;
import com.aegis.workers.trading.MarketClock;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fill path (E3) when {@code aegis.fills.enabled} (default true): the bridge from the KIS real-time session
 * (H0STCNI0, or H0STCNI9 on the paper domain) to Kafka and the router from Kafka to the order workflows, as two
 * {@link FillPathLifecycle} beans. With the local simulator running the bridge connects to its WebSocket under the
 * simulated account's HTS id; otherwise to {@code aegis.fills.websocket-url} or the KIS environment's domain, for
 * {@code aegis.fills.hts-id} or {@code KIS_HTS_ID}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aegis.fills.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(FillsProperties.class)
public class FillsConfig {

    /** The HTS id under which {@link SimulatedProviders} routes its account's fill notices. */
    static final String SIMULATOR_HTS_ID = "aegis";

    private static final Logger log = LoggerFactory.getLogger(FillsConfig.class);

    @Bean
    FillQuarantine fillQuarantine(DSLContext db) {
        return new FillQuarantine(db, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowIdLookup fillWorkflowIdLookup(DSLContext db) {
        return new LedgerWorkflowIdLookup(db);
    }

    @Bean
    @ConditionalOnMissingBean
    KisApprovalKeySource kisApprovalKeySource(ObjectProvider<KisRestClient> kis) {
        return () -> kis.getObject().approvalKey();
    }

    /** Where the bridge connects and what it registers. */
    record BridgeTarget(URI endpoint, KisRealtimeTr tr, Optional<String> htsId) {
    }

    static BridgeTarget bridgeTarget(FillsProperties properties, Optional<SimulatedProviders> simulator,
                                     Optional<ProviderEndpoints> endpoints, Optional<String> htsIdFromEnvironment) {
        Optional<String> configured = Optional.ofNullable(properties.htsId()).filter(s -> !s.isBlank())
                .or(() -> htsIdFromEnvironment.filter(s -> !s.isBlank()));
        Optional<URI> configuredUrl = Optional.ofNullable(properties.websocketUrl())
                .filter(u -> !u.toString().isBlank());
        if (configuredUrl.isEmpty() && simulator.isPresent()) {
            URI endpoint = simulator.get().services().stream()
                    .filter(s -> s.name().equals(SimulatedProviders.KIS_WS)).map(s -> URI.create(s.baseUrl()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the simulator runs no KIS WebSocket"));
            return new BridgeTarget(endpoint, KisRealtimeTr.FILL_NOTICE_LIVE,
                    Optional.of(configured.orElse(SIMULATOR_HTS_ID)));
        }
        boolean paper = endpoints.map(e -> e.kis().isPaper()).orElse(false);
        URI endpoint = configuredUrl.orElse(paper ? KisRealtimeSettings.PAPER_ENDPOINT
                : KisRealtimeSettings.LIVE_ENDPOINT);
        return new BridgeTarget(endpoint, paper ? KisRealtimeTr.FILL_NOTICE_PAPER : KisRealtimeTr.FILL_NOTICE_LIVE,
                configured);
    }

    @Bean
    FillPathLifecycle fillNoticeBridgeLifecycle(FillsProperties properties,
                                                ObjectProvider<SimulatedProviders> simulator,
                                                ObjectProvider<ProviderEndpoints> endpoints,
                                                KisApprovalKeySource approvalKeys,
                                                StatefulRedisConnection<String, String> redis,
                                                Producer<String, byte[]> producer, FillQuarantine quarantine,
                                                ObjectProvider<MarketClock> market,
                                                ObjectProvider<MeterRegistry> meters) {
        return new FillPathLifecycle("fill notice bridge", () -> {
            BridgeTarget target = bridgeTarget(properties, Optional.ofNullable(simulator.getIfAvailable()),
                    Optional.ofNullable(endpoints.getIfAvailable()), Optional.ofNullable(System.getenv("KIS_HTS_ID")));
            if (target.htsId().isEmpty()) {
                log.warn("fill notice bridge not started: no HTS id (set KIS_HTS_ID or aegis.fills.hts-id); fills"
                        + " reach the order workflows only through the order inquiry");
                return null;
            }
            FillBridgeSettings settings = new FillBridgeSettings(target.htsId().get(), target.tr(),
                    properties.topic(), properties.cumulativeTtl());
            KisRealtimeClient client = new KisRealtimeClient(KisRealtimeSettings.defaults(target.endpoint()),
                    () -> approvalKey(approvalKeys));
            FillNoticeBridge bridge = new FillNoticeBridge(client, settings,
                    new CumulativeFillCounter(redis, properties.cumulativeTtl()), producer, quarantine,
                    market.getIfAvailable(MarketClock::system).clock(), meters.getIfAvailable());
            try {
                bridge.start();
            } catch (RuntimeException e) {
                bridge.close();
                throw e;
            }
            return bridge;
        });
    }

    /** The key for a (re)connection; a failure is logged here, since the session only sees that it failed. */
    private static String approvalKey(KisApprovalKeySource source) {
        try {
            return source.approvalKey();
        } catch (RuntimeException e) {
            log.error("fill notice bridge cannot get a KIS WebSocket approval key: {}", e.getMessage(), e);
            throw e;
        }
    }

    @Bean
    FillPathLifecycle fillSignalConsumerLifecycle(FillsProperties properties, AegisProperties aegis,
                                                  WorkflowIdLookup lookup, WorkflowClient workflows,
                                                  FillQuarantine quarantine, ObjectProvider<MeterRegistry> meters) {
        return new FillPathLifecycle("fill router", () -> {
            FillRouterSettings settings = FillRouterSettings.defaults().withTopic(properties.topic())
                    .withGroupId(properties.groupId()).withGrace(properties.grace());
            FillSignalConsumer consumer = new FillSignalConsumer(
                    FillSignalConsumer.kafkaConsumers(aegis.kafka().bootstrapServers(),
                            aegis.kafka().clientId() + "-fill-router", settings),
                    settings, lookup, workflows, quarantine, Clock.systemUTC(), meters.getIfAvailable());
            consumer.start();
            return consumer;
        });
    }
}
