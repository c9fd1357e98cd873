package com.aegis.core.execution;

import com.aegis.core.execution.OrderEvent.OrderCancelRejected;
import com.aegis.core.execution.OrderEvent.OrderFilled;


/**
 * The life of an order; the names match the {@code orders.status} column. The whole state machine is the one table
 * in {@link #transition(OrderEvent)}.
 */
public enum OrderStatus {
    INITIALIZED,
    DENIED,
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    PARTIALLY_FILLED,
    FILLED,
    PENDING_CANCEL,
    CANCELED,
    EXPIRED;

    /** True once nothing more can happen to the order. */
    public boolean isTerminal() {
        return switch (this) {
            case DENIED, REJECTED, FILLED, CANCELED, EXPIRED -> true;
            case INITIALIZED, SUBMITTED, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL -> false;
        };
    }

    /** True while the order can still trade or is still waiting to be sent (the {@code orders_open_status_idx} set). */
    public boolean isOpen() {
        return !isTerminal();
    }

    /**
     * The status after the event. Every allowed (status, event) pair is listed here; any other pair throws
     * {@link InvalidOrderTransition}. An {@link OrderEvent.OrderInitialized} only starts an order and is valid in
     * no status.
     */
    public OrderStatus transition(OrderEvent event) {
        OrderStatus next = switch (this) {
            case INITIALIZED -> switch (event.kind()) {
                case DENIED -> DENIED;
                case SUBMITTED -> SUBMITTED;
                // Canceled before it was ever sent (e.g. the workflow was stopped); nothing to tell the broker.
                case CANCELED -> CANCELED;
                default -> null;
            };
            case SUBMITTED -> switch (event.kind()) {
                case ACCEPTED -> ACCEPTED;
                case REJECTED -> REJECTED;
                // The fill notice (WebSocket) can overtake the acceptance (REST response).
                case FILLED -> afterFill((OrderFilled) event);
                // The venue can cancel or expire the order before its acceptance reached us.
                case CANCELED -> CANCELED;
                case EXPIRED -> EXPIRED;
                default -> null;
            };
            case ACCEPTED -> switch (event.kind()) {
                case FILLED -> afterFill((OrderFilled) event);
                case PENDING_CANCEL -> PENDING_CANCEL;
                // Venue-initiated cancel without a request of ours (e.g. a trading halt of the stock).
                case CANCELED -> CANCELED;
                case EXPIRED -> EXPIRED;
                case UPDATED, MODIFY_REJECTED -> ACCEPTED;
                default -> null;
            };
            case PARTIALLY_FILLED -> switch (event.kind()) {
                case FILLED -> afterFill((OrderFilled) event);
                case PENDING_CANCEL -> PENDING_CANCEL;
                case CANCELED -> CANCELED;
                case EXPIRED -> EXPIRED;
                case UPDATED, MODIFY_REJECTED -> PARTIALLY_FILLED;
                default -> null;
            };
            case PENDING_CANCEL -> switch (event.kind()) {
                // Fills keep arriving until the broker confirms the cancel; a partial one leaves the cancel pending.
                case FILLED -> ((OrderFilled) event).leavesQuantity() == 0 ? FILLED : PENDING_CANCEL;
                case CANCELED -> CANCELED;
                // The close can come before the broker processed the cancel.
                case EXPIRED -> EXPIRED;
                // A retried cancel request while the first is still in flight.
                case PENDING_CANCEL -> PENDING_CANCEL;
                // Cancel refused: the order rests again, with or without fills so far.
                case CANCEL_REJECTED -> ((OrderCancelRejected) event).filledQuantity() == 0
                        ? ACCEPTED : PARTIALLY_FILLED;
                default -> null;
            };
            case FILLED -> switch (event.kind()) {
                // The cancel lost the race against the last fill; the broker's refusal arrives afterwards.
                case CANCEL_REJECTED -> FILLED;
                default -> null;
            };
            case DENIED, REJECTED, CANCELED, EXPIRED -> null;
        };
        if (next == null) {
            throw new InvalidOrderTransition(this, event);
        }
        return next;
    }

    private static OrderStatus afterFill(OrderFilled fill) {
        return fill.leavesQuantity() == 0 ? FILLED : PARTIALLY_FILLED;
    }
}
