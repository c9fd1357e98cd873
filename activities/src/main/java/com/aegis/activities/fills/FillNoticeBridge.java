package com.aegis.activities.fills;

import com.aegis.activities.kis.ws.KisFillNotice;
import com.aegis.activities.kis.ws.KisMalformedFrameException;
import com.aegis.activities.kis.ws.KisRealtimeClient;
import com.aegis.activities.kis.ws.KisSessionListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the account's execution notices (H0STCNI0/H0STCNI9) from the KIS real-time session to Kafka. Each
 * execution ({@link KisFillNotice.Kind#FILL}, not refused) adds its shares to its order number's cumulative count in
 * Redis and is published as a {@link FillNoticeRecord} keyed by the order number, so one order's executions stay in
 * order on one partition. Receipts, modification/cancel confirmations and refusals are counted, not published. A
 * notice that cannot become a record (an unreadable frame, a zero quantity, Redis or Kafka failing) goes to
 * {@link FillQuarantine} with the reason; nothing here throws into the session's reader thread.
 *
 * <p>{@link #start} registers the fill-notice TR for the HTS id on the {@link KisRealtimeClient} and connects it. KIS
 * allows one session per app key, so the client may be shared with the market-data registrations: then
 * {@link #close} only releases the registration; a bridge that owns its client closes the session. The producer is
 * shared and should be idempotent with acks=all.
 */
public final class FillNoticeBridge implements AutoCloseable {

    /** Micrometer counter of notices by outcome (published, receipt, refused, quarantined). */
    public static final String NOTICES_METER = "aegis.fills.bridge.notices";

    private static final Logger log = LoggerFactory.getLogger(FillNoticeBridge.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KisRealtimeClient client;
    private final FillBridgeSettings settings;
    private final CumulativeFillCounter counter;
    private final Producer<String, byte[]> producer;
    private final FillQuarantine quarantine;
    private final Clock clock;
    private final boolean ownsClient;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Meter> meters = new ArrayList<>();
    private final MeterRegistry registry;

    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong quarantineFailures = new AtomicLong();

    /** A bridge that owns {@code client} and closes it on {@link #close}. */
    public FillNoticeBridge(KisRealtimeClient client, FillBridgeSettings settings, CumulativeFillCounter counter,
                            Producer<String, byte[]> producer, FillQuarantine quarantine, Clock clock,
                            MeterRegistry registry) {
        this(client, true, settings, counter, producer, quarantine, clock, registry);
    }

    /**
     * @param ownsClient whether {@link #close} closes {@code client} (else it only releases the registration)
     * @param clock      decides the KST trade date of a notice (the notice carries only its time of day)
     * @param registry   where the counters are exported; null for none
     */
    public FillNoticeBridge(KisRealtimeClient client, boolean ownsClient, FillBridgeSettings settings,
                            CumulativeFillCounter counter, Producer<String, byte[]> producer,
                            FillQuarantine quarantine, Clock clock, MeterRegistry registry) {
        this.ownsClient = ownsClient;
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = registry;
        if (registry != null) {
            meter(registry, "published", published);
            meter(registry, "receipt", receipts);
            meter(registry, "refused", refusals);
            meter(registry, "quarantined", quarantined);
        }
    }

    private void meter(MeterRegistry registry, String outcome, AtomicLong value) {
        meters.add(FunctionCounter.builder(NOTICES_METER, value, AtomicLong::get).tag("outcome", outcome)
                .description("KIS fill notices handled by the fill bridge").register(registry));
    }

    /** Registers the fill-notice TR for the HTS id and opens the session (asynchronously). */
    public void start() {
        if (closed.get()) {
            throw new IllegalStateException("this fill bridge is closed; create a new one");
        }
        if (!started.compareAndSet(false, true)) {
            return;
        }
        client.addFillNoticeListener(this::onNotice);
        client.addSessionListener(new KisSessionListener() {
            @Override
            public void onMalformedFrame(KisMalformedFrameException problem) {
                onUnreadableFrame(problem);
            }
        });
        client.subscribe(settings.registration());
        client.connect();
        log.info("fill bridge listening to {} for HTS id {}, publishing to {}", settings.tr().trId(),
                settings.htsId(), settings.topic());
    }

    public boolean isRunning() {
        return started.get() && !closed.get();
    }

    public KisRealtimeClient client() {
        return client;
    }

    /** Handles one notice from the session; never throws. */
    void onNotice(KisFillNotice notice) {
        if (closed.get()) {
            return;
        }
        try {
            if (notice.kind() != KisFillNotice.Kind.FILL) {
                receipts.incrementAndGet();
                return;
            }
            if (notice.refused()) {
                refusals.incrementAndGet();
                return;
            }
            executions.incrementAndGet();
            publish(notice);
        } catch (RuntimeException e) {
            quarantine(notice.orderNumber(), "fill notice could not be handled: " + e, sanitized(notice));
        }
    }

    private void publish(KisFillNotice notice) {
        String orderNo = notice.orderNumber() == null ? "" : notice.orderNumber().trim();
        if (orderNo.isEmpty()) {
            quarantine(null, "execution notice carries no order number (ODER_NO)", sanitized(notice));
            return;
        }
        if (notice.filledQuantity() <= 0 || notice.filledPrice() <= 0) {
            quarantine(orderNo, "execution notice for order " + orderNo + " carries " + notice.filledQuantity()
                    + " shares at " + notice.filledPrice() + " KRW", sanitized(notice));
            return;
        }
        LocalDate tradeDate = LocalDate.ofInstant(clock.instant(), KST);
        Instant executedAt = ZonedDateTime.of(tradeDate, notice.time(), KST).toInstant();
        long cumulative;
        try {
            cumulative = counter.add(tradeDate, orderNo, notice.filledQuantity());
        } catch (RuntimeException e) {
            quarantine(orderNo, "cumulative filled quantity of order " + orderNo + " on " + tradeDate
                    + " unavailable (Redis): " + e, sanitized(notice));
            return;
        }
        FillNoticeRecord record = FillNoticeRecord.of(orderNo, notice.symbol().code(), notice.side(),
                notice.filledPrice(), notice.filledQuantity(), cumulative, executedAt, tradeDate);
        byte[] json = record.toJson();
        try {
            producer.send(new ProducerRecord<>(settings.topic(), orderNo, json), (metadata, error) -> {
                if (error == null) {
                    published.incrementAndGet();
                } else {
                    quarantine(orderNo, "publishing " + record.tradeId() + " to " + settings.topic() + " failed: "
                            + error, new String(json, StandardCharsets.UTF_8));
                }
            });
        } catch (RuntimeException e) {
            quarantine(orderNo, "publishing " + record.tradeId() + " to " + settings.topic() + " failed: " + e,
                    new String(json, StandardCharsets.UTF_8));
        }
    }

    /** A frame of the fill-notice TR that the client could not read is an execution that may be lost: keep it. */
    private void onUnreadableFrame(KisMalformedFrameException problem) {
        if (closed.get()) {
            return;
        }
        String message = String.valueOf(problem.getMessage());
        if (!message.contains(settings.tr().trId())) {
            return;
        }
        ObjectNode payload = JSON.createObjectNode().put("tr_id", settings.tr().trId()).put("problem", message);
        quarantine(null, "unreadable " + settings.tr().trId() + " frame: " + message, payload.toString());
    }

    private void quarantine(String orderNo, String reason, String payload) {
        quarantined.incrementAndGet();
        log.warn("fill notice quarantined: {}", reason);
        try {
            quarantine.put(orderNo, reason, payload);
        } catch (RuntimeException e) {
            quarantineFailures.incrementAndGet();
            log.error("fill notice could not be quarantined ({}); reason: {}; notice: {}", e, reason, payload);
        }
    }

    /** The notice's fields without the account numbers and the holder's name. */
    private static String sanitized(KisFillNotice n) {
        ObjectNode node = JSON.createObjectNode()
                .put("kind", String.valueOf(n.kind()))
                .put("orderNumber", n.orderNumber())
                .put("orderQuantity", n.orderQuantity())
                .put("side", String.valueOf(n.side()))
                .put("modifyClassCode", n.modifyClassCode())
                .put("orderKindCode", n.orderKindCode())
                .put("orderConditionCode", n.orderConditionCode())
                .put("symbol", n.symbol() == null ? null : n.symbol().code())
                .put("filledQuantity", n.filledQuantity())
                .put("filledPrice", n.filledPrice())
                .put("time", String.valueOf(n.time()))
                .put("refused", n.refused())
                .put("acceptanceCode", n.acceptanceCode())
                .put("branchNumber", n.branchNumber())
                .put("orderConditionPrice", n.orderConditionPrice())
                .put("exchangeCode", n.exchangeCode())
                .put("creditClassCode", n.creditClassCode())
                .put("instrumentName40", n.instrumentName40())
                .put("orderPrice", n.orderPrice());
        return node.toString();
    }

    /** Execution notices received (published or quarantined). */
    public long executions() {
        return executions.get();
    }

    /** Records Kafka acknowledged. */
    public long published() {
        return published.get();
    }

    /** Order receipts, modification and cancel confirmations: not executions, not published. */
    public long receipts() {
        return receipts.get();
    }

    /** Refused notices: not published. */
    public long refusals() {
        return refusals.get();
    }

    /** Notices and unreadable fill-notice frames sent to the quarantine. */
    public long quarantined() {
        return quarantined.get();
    }

    /** Quarantine writes that failed (the notice was logged in full instead). */
    public long quarantineFailures() {
        return quarantineFailures.get();
    }

    /** Closes the session, or releases the registration of a shared one; in-flight sends finish. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ownsClient) {
            client.close();
        } else {
            client.unsubscribe(settings.registration());
        }
        producer.flush();
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }
}
