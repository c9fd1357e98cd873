package com.aegis.activities.fills;

import static com.aegis.db.jooq.Tables.BROKER_ORDER_NUMBER;
import static com.aegis.db.jooq.Tables.BROKER_SUBMISSION;
import static com.aegis.db.jooq.Tables.FILL_NOTICE_QUARANTINE;

import com.aegis.db.jooq.tables.records.FillNoticeQuarantineRecord;
import com.aegis.localstack.LocalStack;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;

/** Kafka topics, ledger rows, order numbers and quarantine queries of the fill tests. */
final class FillsTestSupport {

    private FillsTestSupport() {
    }

    static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    /** A fresh topic of 3 partitions, so this class reads only its own records. */
    static String newTopic(Admin admin, String prefix) throws Exception {
        String topic = prefix + "." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
        return topic;
    }

    /** Idempotent, acks=all, as the workers' shared producer. */
    static KafkaProducer<String, byte[]> producer(LocalStack stack) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A 10-digit order number no earlier run has used. */
    static String orderNumber() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    /** Puts a placed order with {@code brokerOrderNo} in the broker ledger under {@code workflowId}. */
    static void registerInLedger(DSLContext db, LocalDate tradeDate, String brokerOrderNo, String workflowId) {
        String key = "fills-test-" + tradeDate + "-" + brokerOrderNo;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(BROKER_SUBMISSION)
                .set(BROKER_SUBMISSION.BROKER_ORDER_KEY, key)
                .set(BROKER_SUBMISSION.WORKFLOW_ID, workflowId)
                .set(BROKER_SUBMISSION.ACCOUNT_ID, "ACC-FILLS-TEST")
                .set(BROKER_SUBMISSION.TRADE_DATE, tradeDate)
                .set(BROKER_SUBMISSION.SYMBOL, "005930")
                .set(BROKER_SUBMISSION.SIDE, "BUY")
                .set(BROKER_SUBMISSION.ORDER_TYPE, "LIMIT")
                .set(BROKER_SUBMISSION.QUANTITY, 100L)
                .set(BROKER_SUBMISSION.LIMIT_PRICE, 71_000L)
                .set(BROKER_SUBMISSION.STATE, "PLACED")
                .set(BROKER_SUBMISSION.BROKER_ORDER_NO, brokerOrderNo)
                .set(BROKER_SUBMISSION.CREATED_AT, now)
                .set(BROKER_SUBMISSION.UPDATED_AT, now)
                .execute();
        db.insertInto(BROKER_ORDER_NUMBER)
                .set(BROKER_ORDER_NUMBER.TRADE_DATE, tradeDate)
                .set(BROKER_ORDER_NUMBER.BROKER_ORDER_NO, brokerOrderNo)
                .set(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY, key)
                .set(BROKER_ORDER_NUMBER.SEQ, 0)
                .set(BROKER_ORDER_NUMBER.CREATED_AT, now)
                .execute();
    }

    /** Removes the ledger rows of {@code tradeDate} this test class made. */
    static void cleanLedger(DSLContext db, LocalDate tradeDate) {
        db.deleteFrom(BROKER_ORDER_NUMBER).where(BROKER_ORDER_NUMBER.TRADE_DATE.eq(tradeDate))
                .and(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY.like("fills-test-%")).execute();
        db.deleteFrom(BROKER_SUBMISSION).where(BROKER_SUBMISSION.TRADE_DATE.eq(tradeDate))
                .and(BROKER_SUBMISSION.BROKER_ORDER_KEY.like("fills-test-%")).execute();
    }

    static List<FillNoticeQuarantineRecord> quarantinedFor(DSLContext db, String brokerOrderNo) {
        return db.selectFrom(FILL_NOTICE_QUARANTINE).where(FILL_NOTICE_QUARANTINE.BROKER_ORDER_NO.eq(brokerOrderNo))
                .orderBy(FILL_NOTICE_QUARANTINE.ID).fetch();
    }

    static List<FillNoticeQuarantineRecord> quarantinedAfter(DSLContext db, long id) {
        return db.selectFrom(FILL_NOTICE_QUARANTINE).where(FILL_NOTICE_QUARANTINE.ID.gt(id))
                .orderBy(FILL_NOTICE_QUARANTINE.ID).fetch();
    }

    static long lastQuarantineId(DSLContext db) {
        Long id = db.select(org.jooq.impl.DSL.max(FILL_NOTICE_QUARANTINE.ID)).from(FILL_NOTICE_QUARANTINE)
                .fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }
}
