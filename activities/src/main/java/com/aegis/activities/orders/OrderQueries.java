package com.aegis.activities.orders;

import static com.aegis.db.jooq.Tables.EXECUTION_REPORT;
import static com.aegis.db.jooq.Tables.FILL;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.ORDER_EVENT;

import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Side;
import com.aegis.db.jooq.tables.records.ExecutionReportRecord;
import com.aegis.db.jooq.tables.records.FillRecord;
import com.aegis.db.jooq.tables.records.OrdersRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The read side of the stored orders: for operators, for the fill consumer (which workflow owns a broker order) and
 * for reconciliation against the broker.
 */
public final class OrderQueries {

    private final DSLContext db;

    public OrderQueries(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The order's row, if stored. */
    public Optional<OrderRow> order(String clientOrderId) {
        return db.selectFrom(ORDERS).where(ORDERS.CLIENT_ORDER_ID.eq(clientOrderId)).fetchOptional()
                .map(OrderQueries::toRow);
    }

    /** The orders of a KST trade date, oldest first. */
    public List<OrderRow> ordersOf(LocalDate tradeDate) {
        return db.selectFrom(ORDERS).where(ORDERS.TRADE_DATE.eq(tradeDate))
                .orderBy(ORDERS.CREATED_AT, ORDERS.CLIENT_ORDER_ID).fetch(OrderQueries::toRow);
    }

    /** The workflow that placed the broker order, if a stored order carries that broker order number. */
    public Optional<String> workflowIdOfBrokerOrder(String brokerOrderNo) {
        return db.select(ORDERS.WORKFLOW_ID).from(ORDERS).where(ORDERS.BROKER_ORDER_NO.eq(brokerOrderNo))
                .fetchOptional(ORDERS.WORKFLOW_ID);
    }

    /** The order's fills in the order they happened. */
    public List<FillRow> fillsOf(String clientOrderId) {
        return db.selectFrom(FILL).where(FILL.ORDER_ID.eq(clientOrderId)).orderBy(FILL.FILLED_AT, FILL.TRADE_ID)
                .fetch(OrderQueries::toRow);
    }

    /** The order's event history by sequence. */
    public List<OrderEventRow> eventsOf(String clientOrderId) {
        return db.selectFrom(ORDER_EVENT).where(ORDER_EVENT.ORDER_ID.eq(clientOrderId)).orderBy(ORDER_EVENT.SEQ)
                .fetch(r -> new OrderEventRow(r.getOrderId(), r.getSeq(), r.getEventType(), r.getPayload().data(),
                        instant(r.getOccurredAt())));
    }

    /** The order's execution report, once it finished. */
    public Optional<ReportRow> reportOf(String clientOrderId) {
        return db.selectFrom(EXECUTION_REPORT).where(EXECUTION_REPORT.ORDER_ID.eq(clientOrderId)).fetchOptional()
                .map(OrderQueries::toRow);
    }

    private static OrderRow toRow(OrdersRecord r) {
        return new OrderRow(r.getClientOrderId(), r.getWorkflowId(), r.getSignalId(), r.getParentOrderId(),
                r.getAccount(), r.getTradeDate(), r.getSymbol(), Side.valueOf(r.getSide()),
                OrderType.valueOf(r.getOrderType()), r.getExecutionAlgo(), r.getLimitPrice(), r.getQuantity(),
                r.getFilledQuantity(), OrderStatus.valueOf(r.getStatus()), r.getBrokerOrderNo(), r.getRejectReason(),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()), r.getBrokerOrderKey(), r.getDecisionPrice());
    }

    private static FillRow toRow(FillRecord r) {
        return new FillRow(r.getTradeId(), r.getOrderId(), r.getSymbol(), Side.valueOf(r.getSide()), r.getPrice(),
                r.getQuantity(), r.getCommission(), r.getTax(), r.getTradeDate(), instant(r.getFilledAt()));
    }

    private static ReportRow toRow(ExecutionReportRecord r) {
        return new ReportRow(r.getOrderId(), r.getOrderedQuantity(), r.getFilledQuantity(), r.getFilledValue(),
                r.getArrivalPrice(), r.getCommission(), r.getTax(), r.getSlippageBps(), r.getFillCount(),
                instant(r.getFirstFillAt()), instant(r.getLastFillAt()), OrderStatus.valueOf(r.getFinalStatus()),
                instant(r.getReportedAt()), r.getCloseReason(), r.getNetCash(), r.getSlippageKrw());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
