package com.aegis.activities.orders;

import static com.aegis.db.jooq.Tables.EXECUTION_REPORT;
import static com.aegis.db.jooq.Tables.FILL;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.ORDER_EVENT;
import static com.aegis.db.jooq.Tables.SIGNAL;

import com.aegis.core.execution.OrderEventKind;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.krx.FillCost;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.workflows.orders.OrderEventRecord;
import com.aegis.workflows.orders.OrderExecutionReport;
import com.aegis.workflows.orders.OrderSnapshot;
import com.aegis.workflows.orders.OrderStoreActivities;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores orders in the V5 tables: the {@code orders} row, its {@code order_event} history, a {@code fill} row per
 * fill and the {@code execution_report}. Each call is one transaction and idempotent: events and fills are keyed by
 * (order, sequence) and trade id, and the order and report rows are only rewritten when their content differs, so a
 * batch re-sent after a retry changes nothing. A batch older than the stored history (its last sequence below the
 * highest stored one) appends nothing new and leaves the order row alone.
 *
 * <p>Foreign keys the order may name before their rows exist (the signal, a parent order) are stored only when the
 * referenced row is there; the snapshot's values always go into the payload of event 1 under {@code "order"},
 * together with the broker order key, the market and the decision price, which the {@code orders} table has no
 * columns for.
 *
 * <p>Problems that would otherwise surface as a bare constraint violation raise an {@link OrderStoreException}
 * naming the order and the cause (an unknown symbol, a status or quantity the table rejects).
 */
public final class OrderStoreActivitiesImpl implements OrderStoreActivities {

    private static final Logger log = LoggerFactory.getLogger(OrderStoreActivitiesImpl.class);

    /** The values of the {@code orders.status} CHECK. */
    static final Set<String> ORDER_STATUSES = Set.of("INITIALIZED", "DENIED", "SUBMITTED", "ACCEPTED", "REJECTED",
            "PARTIALLY_FILLED", "FILLED", "PENDING_CANCEL", "CANCELED", "EXPIRED");
    /** The values of the {@code execution_report.final_status} CHECK. */
    static final Set<String> FINAL_STATUSES = Set.of("FILLED", "CANCELED", "EXPIRED", "REJECTED", "DENIED");

    private static final Pattern EVENT_TYPE = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final Pattern SYMBOL = Pattern.compile("^[0-9A-Z]{6}$");
    private static final String FILLED_EVENT = "ORDER_" + OrderEventKind.FILLED.name();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;
    private final Clock clock;
    private final TradingCosts costs = TradingCosts.standard();

    public OrderStoreActivitiesImpl(DSLContext db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void recordEvents(EventBatch batch) {
        Objects.requireNonNull(batch, "batch");
        OrderSnapshot order = Objects.requireNonNull(batch.order(), "batch.order");
        validate(order, batch.events());
        String id = order.clientOrderId();
        try {
            db.transaction(tx -> write(tx.dsl(), order, batch.events()));
        } catch (DataAccessException e) {
            throw new OrderStoreException("order " + id + " (workflow " + order.workflowId() + "): could not store "
                    + batch.events().size() + " event(s) with status " + order.status() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void saveReport(OrderExecutionReport report) {
        Objects.requireNonNull(report, "report");
        validate(report);
        String id = report.clientOrderId();
        try {
            db.transaction(tx -> write(tx.dsl(), report));
        } catch (DataAccessException e) {
            throw new OrderStoreException("order " + id + " (workflow " + report.workflowId() + "): could not store"
                    + " its " + report.status() + " execution report: " + e.getMessage(), e);
        }
    }

    // ---- events ----

    private void write(DSLContext t, OrderSnapshot o, List<OrderEventRecord> events) {
        String id = o.clientOrderId();
        Optional<String> listedOn = t.select(INSTRUMENT.MARKET).from(INSTRUMENT)
                .where(INSTRUMENT.SYMBOL.eq(o.symbol())).fetchOptional(INSTRUMENT.MARKET);
        if (listedOn.isEmpty()) {
            throw new OrderStoreException("order " + id + " (workflow " + o.workflowId() + "): symbol " + o.symbol()
                    + " is not in the instrument table; load the stock master before storing orders for it");
        }
        Market market = o.market() != null ? o.market() : Market.valueOf(listedOn.get());
        Long signalId = o.signalId() > 0 && t.fetchExists(SIGNAL, SIGNAL.ID.eq(o.signalId())) ? o.signalId() : null;
        String parent = o.parentOrderId() != null && !o.parentOrderId().equals(id)
                && t.fetchExists(ORDERS, ORDERS.CLIENT_ORDER_ID.eq(o.parentOrderId())) ? o.parentOrderId() : null;

        Integer storedLast = t.select(DSL.max(ORDER_EVENT.SEQ)).from(ORDER_EVENT).where(ORDER_EVENT.ORDER_ID.eq(id))
                .fetchOne(0, Integer.class);
        int batchLast = events.stream().mapToInt(OrderEventRecord::sequence).max().orElse(0);
        boolean stale = storedLast != null && batchLast < storedLast;
        Instant first = events.stream().min(Comparator.comparingInt(OrderEventRecord::sequence))
                .map(OrderEventRecord::occurredAt).orElse(clock.instant());
        OffsetDateTime now = utc(clock.instant());

        var insert = t.insertInto(ORDERS)
                .set(ORDERS.CLIENT_ORDER_ID, id)
                .set(ORDERS.WORKFLOW_ID, o.workflowId())
                .set(ORDERS.SIGNAL_ID, signalId)
                .set(ORDERS.PARENT_ORDER_ID, parent)
                .set(ORDERS.ACCOUNT, o.accountId())
                .set(ORDERS.TRADE_DATE, kstDate(first))
                .set(ORDERS.SYMBOL, o.symbol())
                .set(ORDERS.SIDE, o.side().name())
                .set(ORDERS.ORDER_TYPE, o.type().name())
                .set(ORDERS.LIMIT_PRICE, limitPrice(o))
                .set(ORDERS.QUANTITY, o.quantity())
                .set(ORDERS.FILLED_QUANTITY, o.filledQuantity())
                .set(ORDERS.STATUS, o.status().name())
                .set(ORDERS.BROKER_ORDER_NO, o.brokerOrderId())
                .set(ORDERS.REJECT_REASON, o.rejectReason())
                .set(ORDERS.BROKER_ORDER_KEY, o.brokerOrderKey())
                .set(ORDERS.MARKET, o.market() == null ? null : o.market().name())
                .set(ORDERS.DECISION_PRICE, o.decisionPrice() > 0 ? o.decisionPrice() : null)
                .set(ORDERS.CREATED_AT, now)
                .set(ORDERS.UPDATED_AT, now);
        if (stale) {
            insert.onConflictDoNothing().execute();
        } else {
            Field<Long> keptSignal = DSL.coalesce(DSL.excluded(ORDERS.SIGNAL_ID), ORDERS.SIGNAL_ID);
            Field<String> keptParent = DSL.coalesce(DSL.excluded(ORDERS.PARENT_ORDER_ID), ORDERS.PARENT_ORDER_ID);
            insert.onConflict(ORDERS.CLIENT_ORDER_ID).doUpdate()
                    .set(ORDERS.WORKFLOW_ID, DSL.excluded(ORDERS.WORKFLOW_ID))
                    .set(ORDERS.SIGNAL_ID, keptSignal)
                    .set(ORDERS.PARENT_ORDER_ID, keptParent)
                    .set(ORDERS.ACCOUNT, DSL.excluded(ORDERS.ACCOUNT))
                    .set(ORDERS.SYMBOL, DSL.excluded(ORDERS.SYMBOL))
                    .set(ORDERS.SIDE, DSL.excluded(ORDERS.SIDE))
                    .set(ORDERS.ORDER_TYPE, DSL.excluded(ORDERS.ORDER_TYPE))
                    .set(ORDERS.LIMIT_PRICE, DSL.excluded(ORDERS.LIMIT_PRICE))
                    .set(ORDERS.QUANTITY, DSL.excluded(ORDERS.QUANTITY))
                    .set(ORDERS.FILLED_QUANTITY, DSL.excluded(ORDERS.FILLED_QUANTITY))
                    .set(ORDERS.STATUS, DSL.excluded(ORDERS.STATUS))
                    .set(ORDERS.BROKER_ORDER_NO, DSL.excluded(ORDERS.BROKER_ORDER_NO))
                    .set(ORDERS.REJECT_REASON, DSL.excluded(ORDERS.REJECT_REASON))
                    .set(ORDERS.BROKER_ORDER_KEY, DSL.excluded(ORDERS.BROKER_ORDER_KEY))
                    .set(ORDERS.UPDATED_AT, DSL.excluded(ORDERS.UPDATED_AT))
                    .where(DSL.row(ORDERS.WORKFLOW_ID, ORDERS.SIGNAL_ID, ORDERS.PARENT_ORDER_ID, ORDERS.ACCOUNT,
                                    ORDERS.SYMBOL, ORDERS.SIDE, ORDERS.ORDER_TYPE, ORDERS.LIMIT_PRICE, ORDERS.QUANTITY,
                                    ORDERS.FILLED_QUANTITY, ORDERS.STATUS, ORDERS.BROKER_ORDER_NO,
                                    ORDERS.REJECT_REASON, ORDERS.BROKER_ORDER_KEY)
                            .isDistinctFrom(DSL.row(DSL.excluded(ORDERS.WORKFLOW_ID), keptSignal, keptParent,
                                    DSL.excluded(ORDERS.ACCOUNT), DSL.excluded(ORDERS.SYMBOL),
                                    DSL.excluded(ORDERS.SIDE), DSL.excluded(ORDERS.ORDER_TYPE),
                                    DSL.excluded(ORDERS.LIMIT_PRICE), DSL.excluded(ORDERS.QUANTITY),
                                    DSL.excluded(ORDERS.FILLED_QUANTITY), DSL.excluded(ORDERS.STATUS),
                                    DSL.excluded(ORDERS.BROKER_ORDER_NO), DSL.excluded(ORDERS.REJECT_REASON),
                                    DSL.excluded(ORDERS.BROKER_ORDER_KEY))))
                    .execute();
        }
        if (events.isEmpty()) {
            return;
        }

        var eventInsert = t.insertInto(ORDER_EVENT, ORDER_EVENT.ORDER_ID, ORDER_EVENT.SEQ, ORDER_EVENT.EVENT_TYPE,
                ORDER_EVENT.PAYLOAD, ORDER_EVENT.OCCURRED_AT);
        for (OrderEventRecord e : events) {
            eventInsert = eventInsert.values(id, e.sequence(), e.eventType(), payload(e, o, market),
                    utc(e.occurredAt()));
        }
        eventInsert.onConflictDoNothing().execute();

        for (OrderEventRecord e : events) {
            if (FILLED_EVENT.equals(e.eventType())) {
                storeFill(t, o, market, e);
            }
        }
    }

    private void storeFill(DSLContext t, OrderSnapshot o, Market market, OrderEventRecord e) {
        LocalDate tradeDate = kstDate(e.occurredAt());
        FillCost cost = costs.cost(o.side(), market, tradeDate, e.price(), e.quantity());
        int inserted = t.insertInto(FILL)
                .set(FILL.TRADE_ID, e.tradeId())
                .set(FILL.ORDER_ID, o.clientOrderId())
                .set(FILL.SYMBOL, o.symbol())
                .set(FILL.SIDE, o.side().name())
                .set(FILL.PRICE, e.price())
                .set(FILL.QUANTITY, e.quantity())
                .set(FILL.COMMISSION, cost.commission())
                .set(FILL.TAX, cost.tax())
                .set(FILL.TRADE_DATE, tradeDate)
                .set(FILL.FILLED_AT, utc(e.occurredAt()))
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            AccountBook.book(t, new AccountBook.FillBooking(o.accountId(), o.symbol(), o.side(), e.price(),
                    e.quantity(), cost.commission(), cost.tax(), e.tradeId(), tradeDate, e.occurredAt()));
        } else {
            String owner = t.select(FILL.ORDER_ID).from(FILL).where(FILL.TRADE_ID.eq(e.tradeId()))
                    .fetchOne(FILL.ORDER_ID);
            if (owner != null && !owner.equals(o.clientOrderId())) {
                // The event history keeps the fill; the fill table can hold a trade id once only.
                log.warn("order {}: fill {} (event {}) not stored in fill: trade id already belongs to order {}",
                        o.clientOrderId(), e.tradeId(), e.sequence(), owner);
            }
        }
    }

    private static JSONB payload(OrderEventRecord e, OrderSnapshot o, Market market) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sequence", e.sequence());
        node.put("eventType", e.eventType());
        node.put("occurredAt", e.occurredAt().toString());
        if (e.brokerOrderId() != null) {
            node.put("brokerOrderId", e.brokerOrderId());
        }
        if (e.tradeId() != null) {
            node.put("tradeId", e.tradeId());
        }
        node.put("price", e.price());
        node.put("quantity", e.quantity());
        node.put("leavesQuantity", e.leavesQuantity());
        if (e.reasonCode() != null) {
            node.put("reasonCode", e.reasonCode());
        }
        if (e.message() != null) {
            node.put("message", e.message());
        }
        if (e.sequence() == 1) {
            ObjectNode order = node.putObject("order");
            if (o.signalId() > 0) {
                order.put("signalId", o.signalId());
            }
            if (o.parentOrderId() != null) {
                order.put("parentOrderId", o.parentOrderId());
            }
            if (o.brokerOrderKey() != null) {
                order.put("brokerOrderKey", o.brokerOrderKey());
            }
            order.put("market", market.name());
            order.put("decisionPrice", o.decisionPrice());
        }
        return JSONB.valueOf(node.toString());
    }

    // ---- report ----

    private void write(DSLContext t, OrderExecutionReport r) {
        String id = r.clientOrderId();
        if (!t.fetchExists(ORDERS, ORDERS.CLIENT_ORDER_ID.eq(id))) {
            throw new OrderStoreException("order " + id + " (workflow " + r.workflowId() + "): no orders row to"
                    + " report on; its events must be recorded before its execution report");
        }
        OffsetDateTime now = utc(clock.instant());
        Long arrival = r.decisionPrice() > 0 ? r.decisionPrice() : null;
        Double slippage = Double.isFinite(r.slippageBps()) ? r.slippageBps() : null;
        t.insertInto(EXECUTION_REPORT)
                .set(EXECUTION_REPORT.ORDER_ID, id)
                .set(EXECUTION_REPORT.ORDERED_QUANTITY, r.orderedQuantity())
                .set(EXECUTION_REPORT.FILLED_QUANTITY, r.filledQuantity())
                .set(EXECUTION_REPORT.FILLED_VALUE, r.filledNotional())
                .set(EXECUTION_REPORT.ARRIVAL_PRICE, arrival)
                .set(EXECUTION_REPORT.COMMISSION, r.commission())
                .set(EXECUTION_REPORT.TAX, r.tax())
                .set(EXECUTION_REPORT.SLIPPAGE_BPS, slippage)
                .set(EXECUTION_REPORT.FILL_COUNT, r.fillCount())
                .set(EXECUTION_REPORT.FIRST_FILL_AT, utc(r.firstFillAt()))
                .set(EXECUTION_REPORT.LAST_FILL_AT, utc(r.lastFillAt()))
                .set(EXECUTION_REPORT.FINAL_STATUS, r.status().name())
                .set(EXECUTION_REPORT.CLOSE_REASON, r.closeReason())
                .set(EXECUTION_REPORT.NET_CASH, r.netCash())
                .set(EXECUTION_REPORT.SLIPPAGE_KRW, r.slippageKrw())
                .set(EXECUTION_REPORT.REPORTED_AT, now)
                .onConflict(EXECUTION_REPORT.ORDER_ID).doUpdate()
                .set(EXECUTION_REPORT.ORDERED_QUANTITY, DSL.excluded(EXECUTION_REPORT.ORDERED_QUANTITY))
                .set(EXECUTION_REPORT.FILLED_QUANTITY, DSL.excluded(EXECUTION_REPORT.FILLED_QUANTITY))
                .set(EXECUTION_REPORT.FILLED_VALUE, DSL.excluded(EXECUTION_REPORT.FILLED_VALUE))
                .set(EXECUTION_REPORT.ARRIVAL_PRICE, DSL.excluded(EXECUTION_REPORT.ARRIVAL_PRICE))
                .set(EXECUTION_REPORT.COMMISSION, DSL.excluded(EXECUTION_REPORT.COMMISSION))
                .set(EXECUTION_REPORT.TAX, DSL.excluded(EXECUTION_REPORT.TAX))
                .set(EXECUTION_REPORT.SLIPPAGE_BPS, DSL.excluded(EXECUTION_REPORT.SLIPPAGE_BPS))
                .set(EXECUTION_REPORT.FILL_COUNT, DSL.excluded(EXECUTION_REPORT.FILL_COUNT))
                .set(EXECUTION_REPORT.FIRST_FILL_AT, DSL.excluded(EXECUTION_REPORT.FIRST_FILL_AT))
                .set(EXECUTION_REPORT.LAST_FILL_AT, DSL.excluded(EXECUTION_REPORT.LAST_FILL_AT))
                .set(EXECUTION_REPORT.FINAL_STATUS, DSL.excluded(EXECUTION_REPORT.FINAL_STATUS))
                .set(EXECUTION_REPORT.CLOSE_REASON, DSL.excluded(EXECUTION_REPORT.CLOSE_REASON))
                .set(EXECUTION_REPORT.NET_CASH, DSL.excluded(EXECUTION_REPORT.NET_CASH))
                .set(EXECUTION_REPORT.SLIPPAGE_KRW, DSL.excluded(EXECUTION_REPORT.SLIPPAGE_KRW))
                .set(EXECUTION_REPORT.REPORTED_AT, DSL.excluded(EXECUTION_REPORT.REPORTED_AT))
                .where(DSL.row(EXECUTION_REPORT.ORDERED_QUANTITY, EXECUTION_REPORT.FILLED_QUANTITY,
                                EXECUTION_REPORT.FILLED_VALUE, EXECUTION_REPORT.ARRIVAL_PRICE,
                                EXECUTION_REPORT.COMMISSION, EXECUTION_REPORT.TAX, EXECUTION_REPORT.SLIPPAGE_BPS,
                                EXECUTION_REPORT.FILL_COUNT, EXECUTION_REPORT.FIRST_FILL_AT,
                                EXECUTION_REPORT.LAST_FILL_AT, EXECUTION_REPORT.FINAL_STATUS,
                                EXECUTION_REPORT.CLOSE_REASON, EXECUTION_REPORT.NET_CASH, EXECUTION_REPORT.SLIPPAGE_KRW)
                        .isDistinctFrom(DSL.row(DSL.excluded(EXECUTION_REPORT.ORDERED_QUANTITY),
                                DSL.excluded(EXECUTION_REPORT.FILLED_QUANTITY),
                                DSL.excluded(EXECUTION_REPORT.FILLED_VALUE),
                                DSL.excluded(EXECUTION_REPORT.ARRIVAL_PRICE),
                                DSL.excluded(EXECUTION_REPORT.COMMISSION), DSL.excluded(EXECUTION_REPORT.TAX),
                                DSL.excluded(EXECUTION_REPORT.SLIPPAGE_BPS),
                                DSL.excluded(EXECUTION_REPORT.FILL_COUNT),
                                DSL.excluded(EXECUTION_REPORT.FIRST_FILL_AT),
                                DSL.excluded(EXECUTION_REPORT.LAST_FILL_AT),
                                DSL.excluded(EXECUTION_REPORT.FINAL_STATUS),
                                DSL.excluded(EXECUTION_REPORT.CLOSE_REASON),
                                DSL.excluded(EXECUTION_REPORT.NET_CASH),
                                DSL.excluded(EXECUTION_REPORT.SLIPPAGE_KRW))))
                .execute();
        t.update(ORDERS)
                .set(ORDERS.STATUS, r.status().name())
                .set(ORDERS.FILLED_QUANTITY, r.filledQuantity())
                .set(ORDERS.REJECT_REASON, r.rejectReason())
                .set(ORDERS.UPDATED_AT, now)
                .where(ORDERS.CLIENT_ORDER_ID.eq(id))
                .and(DSL.row(ORDERS.STATUS, ORDERS.FILLED_QUANTITY, ORDERS.REJECT_REASON)
                        .isDistinctFrom(r.status().name(), r.filledQuantity(), r.rejectReason()))
                .execute();
    }

    // ---- validation: say what is wrong before the database says it in constraint names ----

    private static void validate(OrderSnapshot o, List<OrderEventRecord> events) {
        String id = o.clientOrderId();
        String who = "order " + id + " (workflow " + o.workflowId() + ")";
        require(id != null && !id.isBlank(), "order of workflow " + o.workflowId() + " has no client order id");
        require(o.workflowId() != null && !o.workflowId().isBlank(), "order " + id + " has no workflow id");
        require(o.accountId() != null && !o.accountId().isBlank(), who + " has no account");
        require(o.symbol() != null && SYMBOL.matcher(o.symbol()).matches(),
                who + ": symbol " + o.symbol() + " is not a six-character KRX code");
        require(o.side() != null, who + " has no side");
        require(o.type() != null, who + " has no order type");
        require(o.status() != null && ORDER_STATUSES.contains(o.status().name()),
                who + ": status " + o.status() + " is not one the orders table accepts " + ORDER_STATUSES);
        require(o.quantity() > 0, who + ": quantity must be positive, got " + o.quantity());
        require(o.filledQuantity() >= 0 && o.filledQuantity() <= o.quantity(), who + ": filled quantity "
                + o.filledQuantity() + " outside 0.." + o.quantity());
        require(o.status() != OrderStatus.FILLED || o.filledQuantity() == o.quantity(),
                who + ": FILLED with " + o.filledQuantity() + " of " + o.quantity() + " shares filled");
        require(o.type() != OrderType.LIMIT || o.limitPrice() > 0,
                who + ": LIMIT order without a positive limit price (" + o.limitPrice() + ")");
        for (OrderEventRecord e : events) {
            String event = who + ", event " + e.sequence() + " " + e.eventType();
            require(e.sequence() > 0, event + ": sequence numbers start at 1");
            require(e.eventType() != null && EVENT_TYPE.matcher(e.eventType()).matches(),
                    event + ": event type must be upper snake case");
            require(e.occurredAt() != null, event + ": no occurrence time");
            if (FILLED_EVENT.equals(e.eventType())) {
                require(e.tradeId() != null && !e.tradeId().isBlank(), event + ": fill without a trade id");
                require(e.price() > 0 && e.quantity() > 0, event + ": fill " + e.tradeId()
                        + " needs a positive price and quantity, got " + e.price() + " KRW x " + e.quantity());
            }
        }
    }

    private static void validate(OrderExecutionReport r) {
        String who = "order " + r.clientOrderId() + " (workflow " + r.workflowId() + ")";
        require(r.clientOrderId() != null && !r.clientOrderId().isBlank(),
                "execution report of workflow " + r.workflowId() + " has no client order id");
        require(r.status() != null && FINAL_STATUSES.contains(r.status().name()),
                who + ": execution report with status " + r.status() + "; a report needs a final status "
                        + FINAL_STATUSES);
        require(r.orderedQuantity() > 0, who + ": ordered quantity must be positive, got " + r.orderedQuantity());
        require(r.filledQuantity() >= 0 && r.filledQuantity() <= r.orderedQuantity(), who + ": filled quantity "
                + r.filledQuantity() + " outside 0.." + r.orderedQuantity());
        require((r.filledQuantity() == 0) == (r.filledNotional() == 0) && r.filledNotional() >= 0,
                who + ": filled value " + r.filledNotional() + " KRW does not match " + r.filledQuantity()
                        + " filled shares");
        require(r.commission() >= 0 && r.tax() >= 0 && r.fillCount() >= 0,
                who + ": negative commission, tax or fill count in the execution report");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new OrderStoreException(message);
        }
    }

    private static Long limitPrice(OrderSnapshot o) {
        return o.type() == OrderType.MARKET ? null : o.limitPrice();
    }

    private static LocalDate kstDate(Instant at) {
        return at.atZone(KrxCalendar.KST).toLocalDate();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
