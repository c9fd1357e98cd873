package com.aegis.activities.control;

import static com.aegis.db.jooq.Tables.ALERT;
import static com.aegis.db.jooq.Tables.INCIDENT;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.TRADING_MODE_AUDIT;

import com.aegis.activities.orders.OrderQueries;
import com.aegis.activities.orders.OrderRow;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Market;
import com.aegis.workflows.control.ControlActivities;
import com.aegis.workflows.control.ControlAlert;
import com.aegis.workflows.control.ModeAudit;
import com.aegis.workflows.control.OrderStart;
import com.aegis.workflows.control.TradingControlWorkflow;
import com.aegis.workflows.control.TradingMode;
import com.aegis.workflows.orders.OrderDecision;
import com.aegis.workflows.orders.AlgoOrder;
import com.aegis.workflows.orders.OrderCheckActivities.MarketClockReading;
import com.aegis.workflows.orders.ExecutionAlgoWorkflow;
import com.aegis.workflows.orders.OrderLifecycleWorkflow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading control's activities against PostgreSQL (V6 {@code trading_mode_audit}, {@code alert},
 * {@code incident}; V5 {@code orders}; V1 {@code instrument}), Kafka ({@code aegis.alerts.v1}) and Temporal (the
 * order lifecycle workflows).
 *
 * <p>Idempotency on (date, sequence): the audit row's {@code workflow_id} is {@code <control workflow ID>#<seq>}
 * (e.g. {@code trading-control-2026-11-30#3}) and the alert's {@code dedup_key} is {@code <date>#<seq>}. Each write is
 * one transaction that takes an advisory lock on that key, looks for the row and inserts only if it is absent, so a
 * retried or concurrently repeated activity writes once. An alert is published to Kafka inside that transaction
 * before it commits: a failed publish rolls the rows back and the retry publishes again; a stored alert is never
 * published twice (except when the commit itself fails after the acknowledgement).
 *
 * <p>The audit table has no columns for the accepted flag and the rejection. A rejected request is stored with
 * {@code mode_to = mode_from} (the mode did not change) and a reason of the form
 * {@code REJECTED <requested mode> (<rejection>): <reason given>}; a missing requested mode, reason or operator is
 * written as {@code (none)}.
 */
public final class ControlActivitiesImpl implements ControlActivities {

    private static final Logger log = LoggerFactory.getLogger(ControlActivitiesImpl.class);

    /** Order statuses still working at the venue (or about to be), which a cancel-all cancels. */
    static final Set<OrderStatus> OPEN_STATUSES = Set.of(OrderStatus.INITIALIZED, OrderStatus.SUBMITTED,
            OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED);
    /** Prefix of the control's alert rules: {@code trading-control.TRADING_FAILURE}. */
    static final String RULE_PREFIX = "trading-control.";
    static final String REJECTED_PREFIX = "REJECTED ";
    /** A slice of a sliced order: {@code <parent workflow id>-s<index>}. */
    private static final Pattern SLICE_ID = Pattern.compile("^(algo-.+)-s\\d+$");
    private static final String NONE = "(none)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;
    private final WorkflowClient client;
    private final Producer<String, String> alerts;
    private final ControlSettings settings;
    private final Clock clock;
    private final double clockSpeed;
    private final OrderQueries orders;

    public ControlActivitiesImpl(DSLContext db, WorkflowClient client, Producer<String, String> alerts,
            ControlSettings settings, Clock clock) {
        this(db, client, alerts, settings, clock, 1.0);
    }

    /**
     * @param clock      the venue's clock (decision times, the day's end)
     * @param clockSpeed how fast that clock runs against real time (1 for a real exchange)
     */
    public ControlActivitiesImpl(DSLContext db, WorkflowClient client, Producer<String, String> alerts,
            ControlSettings settings, Clock clock, double clockSpeed) {
        if (!(clockSpeed > 0) || Double.isInfinite(clockSpeed)) {
            throw new IllegalArgumentException("clock speed must be positive, got " + clockSpeed);
        }
        this.clockSpeed = clockSpeed;
        this.db = Objects.requireNonNull(db, "db");
        this.client = Objects.requireNonNull(client, "client");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.orders = new OrderQueries(db);
    }

    @Override
    public MarketClockReading marketClock() {
        return new MarketClockReading(clock.instant(), clockSpeed);
    }

    // ---- mode audit ----

    @Override
    public void recordModeChange(ModeAudit audit) {
        if (audit == null || audit.date() == null) {
            throw new IllegalArgumentException("mode audit needs a date: " + audit);
        }
        if (audit.sequence() < 1) {
            throw new IllegalArgumentException("mode audit of " + audit.date() + " needs a sequence >= 1, got "
                    + audit.sequence());
        }
        if (audit.from() == null) {
            throw new IllegalArgumentException("mode audit " + auditKey(audit) + " needs the mode before");
        }
        if (audit.accepted() && (audit.to() == null || blank(audit.operator()) || blank(audit.reason()))) {
            throw new IllegalArgumentException("accepted mode change " + auditKey(audit)
                    + " needs the new mode, an operator and a reason: " + audit);
        }
        String key = auditKey(audit);
        TradingMode to = audit.accepted() ? audit.to() : audit.from();
        String reason = audit.accepted() ? audit.reason().strip() : rejectedReason(audit);
        String operator = blank(audit.operator()) ? NONE : audit.operator().strip();
        Instant at = audit.at() == null ? clock.instant() : audit.at();
        boolean inserted = db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            lock(tx, key);
            if (tx.fetchExists(TRADING_MODE_AUDIT, TRADING_MODE_AUDIT.WORKFLOW_ID.eq(key))) {
                return false;
            }
            tx.insertInto(TRADING_MODE_AUDIT)
                    .set(TRADING_MODE_AUDIT.MODE_FROM, audit.from().name())
                    .set(TRADING_MODE_AUDIT.MODE_TO, to.name())
                    .set(TRADING_MODE_AUDIT.REASON, reason)
                    .set(TRADING_MODE_AUDIT.OPERATOR, operator)
                    .set(TRADING_MODE_AUDIT.WORKFLOW_ID, key)
                    .set(TRADING_MODE_AUDIT.CHANGED_AT, utc(at))
                    .execute();
            return true;
        });
        if (inserted) {
            log.info("mode audit {}: {} -> {} by {}: {}", key, audit.from(), to, operator, reason);
        } else {
            log.info("mode audit {} already stored; nothing written", key);
        }
    }

    /** {@code trading-control-<date>#<seq>}: the audit row's key in {@code trading_mode_audit.workflow_id}. */
    public static String auditKey(ModeAudit audit) {
        return TradingControlWorkflow.workflowId(audit.date()) + "#" + audit.sequence();
    }

    private static String rejectedReason(ModeAudit audit) {
        return REJECTED_PREFIX + (audit.to() == null ? NONE : audit.to().name()) + " ("
                + (blank(audit.rejection()) ? "no rejection reason given" : audit.rejection().strip()) + "): "
                + (blank(audit.reason()) ? NONE : audit.reason().strip());
    }

    // ---- alerts ----

    @Override
    public void raiseAlert(ControlAlert alert) {
        if (alert == null || alert.date() == null || alert.kind() == null) {
            throw new IllegalArgumentException("an alert needs a date and a kind: " + alert);
        }
        if (alert.sequence() < 1) {
            throw new IllegalArgumentException("alert of " + alert.date() + " needs a sequence >= 1, got "
                    + alert.sequence());
        }
        if (blank(alert.message())) {
            throw new IllegalArgumentException("alert " + dedupKey(alert) + " (" + alert.kind() + ") has no message");
        }
        String rule = rule(alert.kind());
        String dedupKey = dedupKey(alert);
        Instant at = alert.at() == null ? clock.instant() : alert.at();
        String controlId = TradingControlWorkflow.workflowId(alert.date());
        Long stored = db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            lock(tx, rule + "/" + dedupKey);
            if (tx.fetchExists(ALERT, ALERT.RULE.eq(rule).and(ALERT.DEDUP_KEY.eq(dedupKey)))) {
                return null;
            }
            ObjectNode context = JSON.createObjectNode()
                    .put("source", "trading-control")
                    .put("workflowId", controlId)
                    .put("date", alert.date().toString())
                    .put("sequence", alert.sequence())
                    .put("kind", alert.kind().name());
            Long alertId = tx.insertInto(ALERT)
                    .set(ALERT.SEVERITY, severity(alert.kind()))
                    .set(ALERT.RULE, rule)
                    .set(ALERT.DEDUP_KEY, dedupKey)
                    .set(ALERT.MESSAGE, alert.message().strip())
                    .set(ALERT.CONTEXT, JSONB.valueOf(context.toString()))
                    .set(ALERT.RAISED_AT, utc(at))
                    .returning(ALERT.ID)
                    .fetchOne(ALERT.ID);
            Long incidentId = null;
            if (alert.kind() == ControlAlert.Kind.TRADING_FAILURE) {
                incidentId = tx.insertInto(INCIDENT)
                        .set(INCIDENT.KIND, "TRADING_FAILURE")
                        .set(INCIDENT.STATUS, "OPEN")
                        .set(INCIDENT.WORKFLOW_ID, incidentKey(alert))
                        .set(INCIDENT.ALERT_ID, alertId)
                        .set(INCIDENT.SUMMARY, alert.message().strip())
                        .set(INCIDENT.STARTED_AT, utc(at))
                        .onConflictDoNothing()
                        .returning(INCIDENT.ID)
                        .fetchOptional(INCIDENT.ID).orElse(null);
            }
            publish(alert, rule, dedupKey, at, alertId, incidentId);
            return alertId;
        });
        if (stored == null) {
            log.info("alert {} {} already raised; nothing written or published", rule, dedupKey);
        }
    }

    /** The alert's rule: {@code trading-control.<KIND>}. */
    public static String rule(ControlAlert.Kind kind) {
        return RULE_PREFIX + kind.name();
    }

    /** {@code <date>#<seq>}: the alert's {@code dedup_key}. */
    public static String dedupKey(ControlAlert alert) {
        return alert.date() + "#" + alert.sequence();
    }

    /** {@code trading-control-<date>#alert-<seq>}: the I3 incident's {@code incident.workflow_id}. */
    public static String incidentKey(ControlAlert alert) {
        return TradingControlWorkflow.workflowId(alert.date()) + "#alert-" + alert.sequence();
    }

    /** CRITICAL for a trading failure and the daily loss limit, WARNING for an operator's kill switch. */
    static String severity(ControlAlert.Kind kind) {
        return switch (kind) {
            case TRADING_FAILURE, DAILY_LOSS_LIMIT -> "CRITICAL";
            case KILL_SWITCH -> "WARNING";
        };
    }

    private void publish(ControlAlert alert, String rule, String dedupKey, Instant at, Long alertId,
            Long incidentId) {
        ObjectNode message = JSON.createObjectNode()
                .put("rule", rule)
                .put("severity", severity(alert.kind()))
                .put("dedupKey", dedupKey)
                .put("kind", alert.kind().name())
                .put("date", alert.date().toString())
                .put("sequence", alert.sequence())
                .put("message", alert.message().strip())
                .put("raisedAt", at.toString())
                .put("alertId", alertId);
        if (incidentId != null) {
            message.put("incidentId", incidentId);
        }
        String json;
        try {
            json = JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + rule + " " + dedupKey + " as JSON", e);
        }
        String topic = settings.alertsTopic();
        RecordMetadata sent;
        try {
            sent = alerts.send(new ProducerRecord<>(topic, rule, json))
                    .get(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alert " + rule + " " + dedupKey, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge alert " + rule + " " + dedupKey + " on "
                    + topic + " within " + settings.publishTimeout().toSeconds() + " s: " + e.getMessage(), e);
        }
        log.warn("alert {} {} ({}) raised as #{} and published to {}-{}@{}: {}", rule, dedupKey,
                severity(alert.kind()), alertId, topic, sent.partition(), sent.offset(), alert.message());
    }

    // ---- cancel all ----

    @Override
    public int cancelAllOpenOrders(LocalDate date, String reason) {
        if (date == null) {
            throw new IllegalArgumentException("cancel-all needs a trading date");
        }
        if (blank(reason)) {
            throw new IllegalArgumentException("cancel-all of " + date + " needs a reason");
        }
        Set<String> workflowIds = new LinkedHashSet<>();
        for (OrderRow row : orders.ordersOf(date)) {
            if (OPEN_STATUSES.contains(row.status())) {
                workflowIds.add(row.workflowId());
            }
        }
        int signalled = 0;
        for (String workflowId : workflowIds) {
            try {
                client.newWorkflowStub(OrderLifecycleWorkflow.class, workflowId)
                        .cancel(reason.strip(), settings.cancelOperator());
                signalled++;
            } catch (WorkflowNotFoundException finished) {
                log.info("cancel-all {}: order workflow {} has already finished or does not exist; skipped", date,
                        workflowId);
            }
        }
        // A sliced order's parent stops starting slices; between slices its next one is denied by the check anyway.
        Set<String> parents = new LinkedHashSet<>();
        for (String workflowId : workflowIds) {
            Matcher slice = SLICE_ID.matcher(workflowId);
            if (slice.matches()) {
                parents.add(slice.group(1));
            }
        }
        for (String parent : parents) {
            try {
                client.newWorkflowStub(ExecutionAlgoWorkflow.class, parent).cancel(reason.strip(),
                        settings.cancelOperator());
            } catch (WorkflowNotFoundException finished) {
                log.info("cancel-all {}: sliced order {} has already finished", date, parent);
            }
        }
        log.warn("cancel-all {}: {} of {} open orders signalled to cancel ({})", date, signalled, workflowIds.size(),
                reason);
        return signalled;
    }

    // ---- order start ----

    @Override
    public String startOrder(OrderStart start) {
        OrderDecision decision = decisionOf(start);
        if (Math.multiplyExact(decision.quantity(), decision.decisionPrice()) > settings.sliceAbove()
                && decision.quantity() >= settings.slices()) {
            return startSliced(start, decision);
        }
        String workflowId = decision.workflowId();
        OrderLifecycleWorkflow workflow = client.newWorkflowStub(OrderLifecycleWorkflow.class,
                OrderLifecycleWorkflow.options(decision));
        try {
            WorkflowClient.start(workflow::run, decision);
            log.info("order {} started for decision {} ({} {} {} @ {} KRW), approved by {}", workflowId,
                    start.decision().id(), decision.side(), decision.quantity(), decision.symbol(),
                    decision.decisionPrice(), start.approvedBy());
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            log.info("order {} of decision {} was already started; not started again", workflowId,
                    start.decision().id());
        }
        return workflowId;
    }

    /** A large decision as a TWAP parent whose slices are order workflows of their own (E4). */
    private String startSliced(OrderStart start, OrderDecision decision) {
        AlgoOrder algo = new AlgoOrder(decision, AlgoOrder.Algo.TWAP, settings.sliceHorizon(), settings.slices(),
                List.of());
        String workflowId = algo.workflowId();
        ExecutionAlgoWorkflow workflow = client.newWorkflowStub(ExecutionAlgoWorkflow.class,
                OrderLifecycleWorkflow.optionsWithId(workflowId));
        try {
            WorkflowClient.start(workflow::run, algo);
            log.info("order {} started for decision {} as a TWAP of {} slices over {} ({} {} {} @ {} KRW, above {}"
                    + " KRW), approved by {}", workflowId, start.decision().id(), settings.slices(),
                    settings.sliceHorizon(), decision.side(), decision.quantity(), decision.symbol(),
                    decision.decisionPrice(), settings.sliceAbove(), start.approvedBy());
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            log.info("order {} of decision {} was already started; not started again", workflowId,
                    start.decision().id());
        }
        return workflowId;
    }

    /** The order workflow's input for a control decision: the settings' account and order type, the listed market. */
    OrderDecision decisionOf(OrderStart start) {
        if (start == null || start.date() == null || start.decision() == null) {
            throw new IllegalArgumentException("an order start needs a date and a decision: " + start);
        }
        com.aegis.workflows.control.OrderDecision d = start.decision();
        if (d.symbol() == null || d.side() == null || d.signalId() == null) {
            throw new IllegalArgumentException("decision " + d.id() + " needs a symbol, a side and a signal id: " + d);
        }
        String symbol = d.symbol().code();
        Record2<String, LocalDate> listing = db.select(INSTRUMENT.MARKET, INSTRUMENT.DELISTED_ON).from(INSTRUMENT)
                .where(INSTRUMENT.SYMBOL.eq(symbol)).fetchOne();
        if (listing == null) {
            throw new IllegalArgumentException("decision " + d.id() + ": unknown symbol " + symbol
                    + " (not in the instrument table)");
        }
        if (listing.value2() != null && !listing.value2().isAfter(start.date())) {
            throw new IllegalArgumentException("decision " + d.id() + ": symbol " + symbol + " was delisted on "
                    + listing.value2());
        }
        Market market = Market.valueOf(listing.value1());
        Instant decidedAt = clock.instant();
        return settings.orderType() == OrderType.LIMIT
                ? OrderDecision.limit(start.date(), settings.accountId(), symbol, market, d.side(), d.quantity(),
                        d.price(), d.price(), d.signalId().value(), decidedAt)
                : OrderDecision.market(start.date(), settings.accountId(), symbol, market, d.side(), d.quantity(),
                        d.price(), d.signalId().value(), decidedAt);
    }

    // ---- helpers ----

    /** A transaction-scoped advisory lock on the key: concurrent repeats of one write run one after the other. */
    private static void lock(DSLContext tx, String key) {
        tx.fetch("select 1 from pg_advisory_xact_lock(hashtext(?))", key);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
