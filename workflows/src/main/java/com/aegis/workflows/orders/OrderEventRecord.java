package com.aegis.workflows.orders;

import com.aegis.core.execution.OrderEvent;
import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderCancelRejected;
import com.aegis.core.execution.OrderEvent.OrderDenied;
import com.aegis.core.execution.OrderEvent.OrderFilled;
import com.aegis.core.execution.OrderEvent.OrderInitialized;
import com.aegis.core.execution.OrderEvent.OrderModifyRejected;
import com.aegis.core.execution.OrderEvent.OrderPendingCancel;
import com.aegis.core.execution.OrderEvent.OrderRejected;
import com.aegis.core.execution.OrderEvent.OrderUpdated;
import java.time.Instant;

/**
 * One order event in flat wire form (a row of {@code order_event}), numbered from 1 per order so a store can
 * ignore a batch it already has.
 *
 * @param sequence       1 for ORDER_INITIALIZED, then in order
 * @param eventType      e.g. ORDER_FILLED
 * @param brokerOrderId  for ORDER_ACCEPTED
 * @param tradeId        for ORDER_FILLED
 * @param price          fill price, new or initial limit price; 0 otherwise
 * @param quantity       fill quantity, new or initial order quantity, filled quantity of a cancel rejection
 * @param leavesQuantity for ORDER_FILLED
 * @param reasonCode     denial reason or broker code
 * @param message        free text: reasons, messages
 */
public record OrderEventRecord(int sequence, String eventType, Instant occurredAt, String brokerOrderId,
        String tradeId, long price, long quantity, long leavesQuantity, String reasonCode, String message) {

    /** The wire form of a core event. */
    public static OrderEventRecord of(int sequence, OrderEvent e) {
        String type = e.eventType();
        Instant at = e.occurredAt();
        return switch (e.kind()) {
            case INITIALIZED -> {
                var cmd = ((OrderInitialized) e).order();
                yield new OrderEventRecord(sequence, type, at, null, null, cmd.limitPrice(), cmd.quantity(), 0, null,
                        cmd.side() + " " + cmd.quantity() + " " + cmd.symbol() + " " + cmd.type());
            }
            case DENIED -> {
                var d = (OrderDenied) e;
                yield new OrderEventRecord(sequence, type, at, null, null, 0, 0, 0, d.reason().name(), d.message());
            }
            case ACCEPTED -> new OrderEventRecord(sequence, type, at, ((OrderAccepted) e).brokerOrderId().value(),
                    null, 0, 0, 0, null, null);
            case REJECTED -> {
                var r = (OrderRejected) e;
                yield new OrderEventRecord(sequence, type, at, null, null, 0, 0, 0, r.reasonCode(), r.message());
            }
            case FILLED -> {
                var f = (OrderFilled) e;
                yield new OrderEventRecord(sequence, type, at, null, f.tradeId().value(), f.price(), f.quantity(),
                        f.leavesQuantity(), null, null);
            }
            case PENDING_CANCEL -> new OrderEventRecord(sequence, type, at, null, null, 0, 0, 0, null,
                    ((OrderPendingCancel) e).reason());
            case CANCEL_REJECTED -> {
                var c = (OrderCancelRejected) e;
                yield new OrderEventRecord(sequence, type, at, null, null, 0, c.filledQuantity(), 0, null,
                        c.reason());
            }
            case UPDATED -> {
                var u = (OrderUpdated) e;
                yield new OrderEventRecord(sequence, type, at, null, null, u.limitPrice(), u.quantity(), 0, null,
                        null);
            }
            case MODIFY_REJECTED -> new OrderEventRecord(sequence, type, at, null, null, 0, 0, 0, null,
                    ((OrderModifyRejected) e).reason());
            case SUBMITTED, CANCELED, EXPIRED -> new OrderEventRecord(sequence, type, at, null, null, 0, 0, 0, null,
                    null);
        };
    }
}
