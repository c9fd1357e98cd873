package com.aegis.activities.system;

import com.aegis.activities.infra.KafkaClients;
import com.aegis.workflows.system.SystemCheckActivities;
import com.aegis.workflows.system.SystemCheckReport.KafkaProbe;
import com.aegis.workflows.system.SystemCheckReport.PostgresProbe;
import com.aegis.workflows.system.SystemCheckReport.RedisProbe;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.aegis.db.jooq.Tables.SYSTEM_CHECK;

/**
 * The real probes: each writes something to one component and reads it back. Re-running a probe for the same check id
 * (a Temporal retry) reuses the row and overwrites the key, so retries never pile up data.
 */
@Component("systemCheckActivities")
public class SystemCheckActivitiesImpl implements SystemCheckActivities {

    public static final String TOPIC = "aegis.system-check.v1";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);

    private final DSLContext db;
    private final StatefulRedisConnection<String, String> redis;
    private final KafkaClients kafka;

    public SystemCheckActivitiesImpl(DSLContext db, StatefulRedisConnection<String, String> redis, KafkaClients kafka) {
        this.db = db;
        this.redis = redis;
        this.kafka = kafka;
    }

    @Override
    public PostgresProbe writeAndReadPostgres(String checkId, String note) {
        long started = System.nanoTime();
        String written = checkId + ":" + note;
        Long id = db.select(SYSTEM_CHECK.ID).from(SYSTEM_CHECK).where(SYSTEM_CHECK.CHECK_ID.eq(checkId)).fetchOne(SYSTEM_CHECK.ID);
        if (id == null) {
            id = db.insertInto(SYSTEM_CHECK, SYSTEM_CHECK.CHECK_ID, SYSTEM_CHECK.NOTE)
                    .values(checkId, written)
                    .returning(SYSTEM_CHECK.ID)
                    .fetchOne(SYSTEM_CHECK.ID);
        } else {
            db.update(SYSTEM_CHECK).set(SYSTEM_CHECK.NOTE, written).where(SYSTEM_CHECK.ID.eq(id)).execute();
        }
        String readBack = db.select(SYSTEM_CHECK.NOTE).from(SYSTEM_CHECK).where(SYSTEM_CHECK.ID.eq(id)).fetchOne(SYSTEM_CHECK.NOTE);
        String version = db.connectionResult(c -> c.getMetaData().getDatabaseProductVersion());
        return new PostgresProbe(id, written, readBack, version, elapsedMillis(started));
    }

    @Override
    public RedisProbe setAndGetRedis(String checkId, long ttlSeconds) {
        long started = System.nanoTime();
        RedisCommands<String, String> commands = redis.sync();
        String key = "aegis:v1:system-check:" + checkId;
        commands.setex(key, ttlSeconds, checkId);
        String readBack = commands.get(key);
        long ttlSeen = commands.ttl(key);
        return new RedisProbe(key, checkId, readBack, ttlSeconds, ttlSeen, redisVersion(commands.info("server")),
                elapsedMillis(started));
    }

    @Override
    public KafkaProbe produceAndConsumeKafka(String checkId) {
        long started = System.nanoTime();
        RecordMetadata sent;
        try {
            sent = kafka.producer()
                    .send(new ProducerRecord<>(TOPIC, checkId, checkId.getBytes(StandardCharsets.UTF_8)))
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing the system-check record to " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the system-check record on " + TOPIC
                    + " within " + KAFKA_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
        }
        TopicPartition partition = new TopicPartition(TOPIC, sent.partition());
        try (Consumer<String, byte[]> consumer = kafka.newConsumer("system-check")) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == sent.offset()) {
                        return new KafkaProbe(TOPIC, sent.partition(), sent.offset(), checkId,
                                new String(record.value(), StandardCharsets.UTF_8), elapsedMillis(started));
                    }
                }
            }
        }
        throw new IllegalStateException("The system-check record produced to " + partition + " at offset "
                + sent.offset() + " could not be consumed back within " + KAFKA_TIMEOUT.toSeconds() + " s");
    }

    static String redisVersion(String serverInfo) {
        return serverInfo.lines()
                .filter(line -> line.startsWith("redis_version:"))
                .map(line -> line.substring("redis_version:".length()).trim())
                .findFirst()
                .orElse("unknown");
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
