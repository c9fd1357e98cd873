package com.aegis.activities.fills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aegis.activities.kis.ws.KisRealtimeClient;
import com.aegis.activities.kis.ws.KisRealtimeSettings;
import com.aegis.activities.kis.ws.KisRealtimeTr;
import com.aegis.activities.kis.ws.KisSessionListener;
import com.aegis.activities.kis.ws.RegistrationReply;
import com.aegis.core.market.Side;
import com.aegis.db.Migrations;
import com.aegis.db.jooq.tables.records.FillNoticeQuarantineRecord;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.kis.ws.InMemoryApprovalKeys;
import com.aegis.marketsim.kis.ws.KisWebSocketSettings;
import com.aegis.marketsim.kis.ws.KisWebSocketSimulator;
import com.aegis.marketsim.kis.ws.RealtimeFillNotice;
import com.aegis.marketsim.kis.ws.ScriptedRealtimeFeed;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bridge between the simulated KIS WebSocket (the outside world) and the local stack's Redis, Kafka and
 * PostgreSQL. Order numbers are random per run; the topic is this class's own.
 */
class FillNoticeBridgeTest {

    private static final String HTS_ID = "fillsbridge";
    private static final String APPROVAL_KEY = "approval-fills-bridge-key";
    private static final String APP_KEY = "PSappkey-fills-bridge";
    private static final String SECOND_APPROVAL_KEY = "approval-fills-bridge-second-key";
    private static final String SECOND_APP_KEY = "PSappkey-fills-bridge-second";
    private static final String THIRD_APPROVAL_KEY = "approval-fills-bridge-third-key";
    private static final String THIRD_APP_KEY = "PSappkey-fills-bridge-third";
    /** 09:30 KST on 2031-02-03. */
    private static final Instant NOW = Instant.parse("2031-02-03T00:30:00Z");
    private static final LocalDate TRADE_DATE = LocalDate.of(2031, 2, 3);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final ScriptedRealtimeFeed feed = new ScriptedRealtimeFeed();
    private static final List<RegistrationReply> replies = new CopyOnWriteArrayList<>();
    private static KisWebSocketSimulator server;
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redis;
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> reader;
    private static Admin admin;
    private static DSLContext db;
    private static String topic;
    private static FillNoticeBridge bridge;
    private static CumulativeFillCounter counter;
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        LocalStack stack = LocalStack.sharedForTests();
        Migrations.migrate(stack.dataSource());
        db = DSL.using(stack.dataSource(), SQLDialect.POSTGRES);
        admin = FillsTestSupport.admin(stack);
        topic = FillsTestSupport.newTopic(admin, "broker.fills.bridge-test");
        redisClient = RedisClient.create(stack.redisUri());
        redis = redisClient.connect();
        producer = FillsTestSupport.producer(stack);
        reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);

        InMemoryApprovalKeys keys = new InMemoryApprovalKeys();
        keys.register(APPROVAL_KEY, APP_KEY);
        keys.register(SECOND_APPROVAL_KEY, SECOND_APP_KEY);
        keys.register(THIRD_APPROVAL_KEY, THIRD_APP_KEY);
        server = KisWebSocketSimulator.start(KisWebSocketSettings.localDefaults(() -> NOW), keys, feed);
        KisRealtimeClient client = new KisRealtimeClient(KisRealtimeSettings.defaults(server.endpoint())
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)), () -> APPROVAL_KEY);
        client.addSessionListener(new KisSessionListener() {
            @Override
            public void onRegistrationReply(RegistrationReply reply) {
                replies.add(reply);
            }
        });
        counter = new CumulativeFillCounter(redis, Duration.ofDays(3));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        bridge = new FillNoticeBridge(client, FillBridgeSettings.defaults(HTS_ID, KisRealtimeTr.FILL_NOTICE_LIVE)
                .withTopic(topic), counter, producer, new FillQuarantine(db, clock), clock, meters);
        bridge.start();
        await().atMost(WAIT).until(() -> replies.stream().anyMatch(RegistrationReply::accepted));
    }

    @AfterAll
    static void tearDown() {
        if (bridge != null) {
            bridge.close();
        }
        if (server != null) {
            server.close();
        }
        reader.close();
        producer.close();
        admin.deleteTopics(List.of(topic));
        admin.close();
        redis.close();
        redisClient.shutdown();
    }

    @Test
    void anExecutionThatCannotBeCountedIsQuarantinedWithTheReason() {
        String htsId = "fillsnoredis";
        StatefulRedisConnection<String, String> closed = redisClient.connect();
        closed.close();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        KisRealtimeClient client = new KisRealtimeClient(KisRealtimeSettings.defaults(server.endpoint())
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)), () -> SECOND_APPROVAL_KEY);
        List<RegistrationReply> accepted = new CopyOnWriteArrayList<>();
        client.addSessionListener(new KisSessionListener() {
            @Override
            public void onRegistrationReply(RegistrationReply reply) {
                accepted.add(reply);
            }
        });
        try (FillNoticeBridge withoutRedis = new FillNoticeBridge(client,
                FillBridgeSettings.defaults(htsId, KisRealtimeTr.FILL_NOTICE_LIVE).withTopic(topic),
                new CumulativeFillCounter(closed, Duration.ofDays(3)), producer, new FillQuarantine(db, clock), clock,
                null)) {
            withoutRedis.start();
            await().atMost(WAIT).until(() -> accepted.stream().anyMatch(RegistrationReply::accepted));
            String orderNo = FillsTestSupport.orderNumber();
            feed.publishFillNotices(notice(htsId, orderNo, "2", "0", 8, 71_000, LocalTime.of(10, 5, 0)));

            await().atMost(WAIT).until(() -> !FillsTestSupport.quarantinedFor(db, orderNo).isEmpty());
            assertThat(FillsTestSupport.quarantinedFor(db, orderNo).get(0).getReason())
                    .startsWith("cumulative filled quantity of order " + orderNo + " on " + TRADE_DATE
                            + " unavailable (Redis)");
            assertThat(withoutRedis.quarantined()).isEqualTo(1);
            assertThat(withoutRedis.published()).isZero();
        }
    }

    @Test
    void aBridgeOnASharedSessionReleasesOnlyItsRegistration() {
        String htsId = "fillsshared";
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (KisRealtimeClient shared = new KisRealtimeClient(KisRealtimeSettings.defaults(server.endpoint())
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)), () -> THIRD_APPROVAL_KEY)) {
            shared.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
            FillNoticeBridge onShared = new FillNoticeBridge(shared, false,
                    FillBridgeSettings.defaults(htsId, KisRealtimeTr.FILL_NOTICE_LIVE).withTopic(topic), counter,
                    producer, new FillQuarantine(db, clock), clock, null);
            onShared.start();
            await().atMost(WAIT).until(() -> server.registrationsOf(THIRD_APP_KEY)
                    .containsAll(List.of("H0STCNT0:005930", "H0STCNI0:" + htsId)));
            String orderNo = FillsTestSupport.orderNumber();
            feed.publishFillNotices(notice(htsId, orderNo, "2", "0", 6, 71_000, LocalTime.of(10, 10, 0)));
            await().atMost(WAIT).until(() -> recordsOf(orderNo).size() == 1);

            onShared.close();
            await().atMost(WAIT).until(() -> server.registrationsOf(THIRD_APP_KEY).equals(List.of("H0STCNT0:005930")));
            assertThat(shared.state()).isEqualTo(com.aegis.activities.kis.ws.ConnectionState.CONNECTED);
        }
    }

    private static RealtimeFillNotice notice(String orderNo, String fillFlag, String refused, long quantity,
                                             long price, LocalTime time) {
        return notice(HTS_ID, orderNo, fillFlag, refused, quantity, price, time);
    }

    private static RealtimeFillNotice notice(String htsId, String orderNo, String fillFlag, String refused,
                                             long quantity, long price, LocalTime time) {
        return new RealtimeFillNotice(htsId, "5012345601", orderNo, 50, "02", "0", "00", "0", "005930", quantity,
                price, time, refused, fillFlag, "2", "00950", "5012345601", "홍길동", 0, "1", "Y", "", "10", "",
                "삼성전자", 71000);
    }

    /** Records published for {@code orderNo} so far, in topic order per key. */
    private static List<FillNoticeRecord> recordsOf(String orderNo) {
        reader.poll(Duration.ofMillis(100)).forEach(published::add);
        return published.stream().filter(r -> orderNo.equals(r.key()))
                .map(r -> FillNoticeRecord.fromJson(r.value())).collect(Collectors.toList());
    }

    @Test
    void executionsBecomeRecordsNamedByTheirCumulativeQuantity() {
        String orderNo = FillsTestSupport.orderNumber();
        long receiptsBefore = bridge.receipts();
        feed.publishFillNotices(notice(orderNo, "1", "0", 0, 0, LocalTime.of(9, 30, 58)));
        feed.publishFillNotices(notice(orderNo, "2", "0", 30, 71_000, LocalTime.of(9, 31, 2)));
        feed.publishFillNotices(notice(orderNo, "2", "0", 20, 71_100, LocalTime.of(9, 31, 40)));

        await().atMost(WAIT).until(() -> recordsOf(orderNo).size() == 2);
        List<FillNoticeRecord> records = recordsOf(orderNo);
        assertThat(records).containsExactly(
                new FillNoticeRecord(orderNo + "-c30", orderNo, "005930", Side.BUY, 71_000, 30, 30,
                        Instant.parse("2031-02-03T00:31:02Z"), TRADE_DATE),
                new FillNoticeRecord(orderNo + "-c50", orderNo, "005930", Side.BUY, 71_100, 20, 50,
                        Instant.parse("2031-02-03T00:31:40Z"), TRADE_DATE));
        assertThat(records.get(1).toFillNotice().tradeId()).isEqualTo(orderNo + "-c50");
        assertThat(counter.current(TRADE_DATE, orderNo)).isEqualTo(50);
        assertThat(redis.sync().ttl(CumulativeFillCounter.keyOf(TRADE_DATE)))
                .isBetween(Duration.ofDays(3).minusMinutes(1).toSeconds(), Duration.ofDays(3).toSeconds());
        assertThat(bridge.receipts()).isEqualTo(receiptsBefore + 1);
        await().atMost(WAIT).until(() -> bridge.published() >= 2);
        assertThat(meters.get(FillNoticeBridge.NOTICES_METER).tag("outcome", "receipt").functionCounter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void receiptsAndRefusalsAreCountedNotPublished() {
        String orderNo = FillsTestSupport.orderNumber();
        long receiptsBefore = bridge.receipts();
        long refusalsBefore = bridge.refusals();
        feed.publishFillNotices(notice(orderNo, "1", "0", 0, 0, LocalTime.of(9, 40, 0)),
                notice(orderNo, "1", "1", 0, 0, LocalTime.of(9, 40, 1)),
                notice(orderNo, "2", "1", 10, 71_000, LocalTime.of(9, 40, 2)),
                notice(orderNo, "2", "0", 10, 71_000, LocalTime.of(9, 40, 3)));

        await().atMost(WAIT).until(() -> recordsOf(orderNo).size() == 1);
        assertThat(recordsOf(orderNo).get(0).tradeId()).isEqualTo(orderNo + "-c10");
        assertThat(bridge.receipts()).isEqualTo(receiptsBefore + 2);
        assertThat(bridge.refusals()).isEqualTo(refusalsBefore + 1);
    }

    @Test
    void anExecutionWithoutAPriceIsQuarantinedAndTheListenerGoesOn() {
        String orderNo = FillsTestSupport.orderNumber();
        feed.publishFillNotices(notice(orderNo, "2", "0", 5, 0, LocalTime.of(9, 50, 0)));
        feed.publishFillNotices(notice(orderNo, "2", "0", 5, 70_900, LocalTime.of(9, 50, 1)));

        await().atMost(WAIT).until(() -> recordsOf(orderNo).size() == 1);
        assertThat(recordsOf(orderNo).get(0).tradeId()).isEqualTo(orderNo + "-c5");
        List<FillNoticeQuarantineRecord> kept = FillsTestSupport.quarantinedFor(db, orderNo);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).getReason())
                .isEqualTo("execution notice for order " + orderNo + " carries 5 shares at 0 KRW");
        assertThat(kept.get(0).getPayload()).contains(orderNo).doesNotContain("5012345601").doesNotContain("홍길동");
        assertThat(kept.get(0).getReceivedAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void anUnreadableFillNoticeFrameIsQuarantined() {
        long before = FillsTestSupport.lastQuarantineId(db);
        long quarantinedBefore = bridge.quarantined();
        server.sendRawToAll("0|H0STCNI0|001|only^three^fields");

        await().atMost(WAIT).until(() -> bridge.quarantined() > quarantinedBefore);
        assertThat(FillsTestSupport.quarantinedAfter(db, before))
                .anySatisfy(r -> assertThat(r.getReason()).startsWith("unreadable H0STCNI0 frame: H0STCNI0"));
        String orderNo = FillsTestSupport.orderNumber();
        feed.publishFillNotices(notice(orderNo, "2", "0", 3, 71_000, LocalTime.of(10, 0, 0)));
        await().atMost(WAIT).until(() -> recordsOf(orderNo).size() == 1);
    }
}
