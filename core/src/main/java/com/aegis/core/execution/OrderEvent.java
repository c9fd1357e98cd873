package com.aegis.core.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an order, in past tense. The order's status follows only from these events through
 * {@link OrderStatus#transition(OrderEvent)}.
 */
public sealed interface OrderEvent {

    ClientOrderId clientOrderId();

    Instant occurredAt();

    /** Which of the event records this is; the transition table switches over it. */
    OrderEventKind kind();

    /** The name stored in {@code order_event.event_type}: the record name in upper snake case, e.g. ORDER_FILLED. */
    default String eventType() {
        return "ORDER_" + kind().name();
    }

    /** The order was created from a {@link SubmitOrder} command; nothing has been sent yet. */
    record OrderInitialized(SubmitOrder order) implements OrderEvent {
        public OrderInitialized {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.INITIALIZED;
        }

        @Override
        public ClientOrderId clientOrderId() {
            return order.clientOrderId();
        }

        @Override
        public Instant occurredAt() {
            return order.createdAt();
        }
    }

    /** The pre-trade risk check refused the order; it never reached the broker. */
    record OrderDenied(ClientOrderId clientOrderId, Instant occurredAt, DenialReason reason, String message)
            implements OrderEvent {
        public OrderDenied {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.DENIED;
        }
    }

    /** The order was sent to the broker. */
    record OrderSubmitted(ClientOrderId clientOrderId, Instant occurredAt) implements OrderEvent {
        public OrderSubmitted {
            requireCommon(clientOrderId, occurredAt);
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.SUBMITTED;
        }
    }

    /** The broker accepted the order and gave it an order number. */
    record OrderAccepted(ClientOrderId clientOrderId, Instant occurredAt, BrokerOrderId brokerOrderId)
            implements OrderEvent {
        public OrderAccepted {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.ACCEPTED;
        }
    }

    /** The broker or exchange refused the order (e.g. KIS error code). */
    record OrderRejected(ClientOrderId clientOrderId, Instant occurredAt, String reasonCode, String message)
            implements OrderEvent {
        public OrderRejected {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.REJECTED;
        }
    }

    /**
     * Shares were executed. One event type for partial and final fills: {@code leavesQuantity} (what is still
     * open after this fill) says which, so the transition table needs nothing but the event.
     *
     * @param tradeId        the broker's execution id; the same id twice is the same fill
     * @param price          execution price, KRW per share
     * @param quantity       shares executed in this fill
     * @param leavesQuantity shares still open after this fill; 0 means the order is complete
     */
    record OrderFilled(ClientOrderId clientOrderId, Instant occurredAt, TradeId tradeId, long price, long quantity,
            long leavesQuantity) implements OrderEvent {
        public OrderFilled {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(tradeId, "tradeId");
            if (price <= 0 || quantity <= 0 || leavesQuantity < 0) {
                throw new IllegalArgumentException("fill " + tradeId + " of order " + clientOrderId + " needs a"
                        + " positive price and quantity and non-negative leaves, got " + quantity + " shares at "
                        + price + " KRW, leaves " + leavesQuantity);
            }
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.FILLED;
        }

        /** price × quantity in KRW. */
        public long notional() {
            return Math.multiplyExact(price, quantity);
        }

        /** True if this fill carries the same execution as another (trade id, price and quantity). */
        public boolean sameExecutionAs(OrderFilled other) {
            return tradeId.equals(other.tradeId) && price == other.price && quantity == other.quantity;
        }
    }

    /** A cancel request was sent to the broker; the order may still fill until the broker confirms. */
    record OrderPendingCancel(ClientOrderId clientOrderId, Instant occurredAt, String reason) implements OrderEvent {
        public OrderPendingCancel {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.PENDING_CANCEL;
        }
    }

    /** The broker confirmed that what was left of the order is canceled. */
    record OrderCanceled(ClientOrderId clientOrderId, Instant occurredAt) implements OrderEvent {
        public OrderCanceled {
            requireCommon(clientOrderId, occurredAt);
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.CANCELED;
        }
    }

    /** The order's validity ended (a day order at the close) with shares still open. */
    record OrderExpired(ClientOrderId clientOrderId, Instant occurredAt) implements OrderEvent {
        public OrderExpired {
            requireCommon(clientOrderId, occurredAt);
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.EXPIRED;
        }
    }

    /**
     * The broker refused a cancel request (e.g. the order had already filled).
     *
     * @param filledQuantity shares filled when the refusal arrived; the order resumes as ACCEPTED if 0,
     *                       PARTIALLY_FILLED otherwise
     */
    record OrderCancelRejected(ClientOrderId clientOrderId, Instant occurredAt, String reason, long filledQuantity)
            implements OrderEvent {
        public OrderCancelRejected {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(reason, "reason");
            if (filledQuantity < 0) {
                throw new IllegalArgumentException("filledQuantity must not be negative, got " + filledQuantity);
            }
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.CANCEL_REJECTED;
        }
    }

    /** The broker confirmed a change of quantity and limit price of a resting order. */
    record OrderUpdated(ClientOrderId clientOrderId, Instant occurredAt, long quantity, long limitPrice)
            implements OrderEvent {
        public OrderUpdated {
            requireCommon(clientOrderId, occurredAt);
            if (quantity <= 0 || limitPrice <= 0) {
                throw new IllegalArgumentException("an update of " + clientOrderId + " needs a positive quantity"
                        + " and limit price, got " + quantity + " shares at " + limitPrice + " KRW");
            }
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.UPDATED;
        }
    }

    /** The broker refused a modify request; the order rests unchanged. */
    record OrderModifyRejected(ClientOrderId clientOrderId, Instant occurredAt, String reason) implements OrderEvent {
        public OrderModifyRejected {
            requireCommon(clientOrderId, occurredAt);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public OrderEventKind kind() {
            return OrderEventKind.MODIFY_REJECTED;
        }
    }

    private static void requireCommon(ClientOrderId clientOrderId, Instant occurredAt) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
