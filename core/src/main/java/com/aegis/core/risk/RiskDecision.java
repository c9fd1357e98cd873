package com.aegis.core.risk;

import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.OrderEvent.OrderDenied;
import com.aegis.core.execution.SubmitOrder;
import java.util.Objects;
import java.util.Optional;

/** The outcome of the pre-trade check: approved, or denied with a reason code and a message for the operator. */
public sealed interface RiskDecision {

    boolean isApproved();

    /** The denial as an order event (time = the order's creation time), or empty if approved. */
    Optional<OrderDenied> toEvent(SubmitOrder order);

    static RiskDecision approve() {
        return Approved.INSTANCE;
    }

    static RiskDecision deny(DenialReason reason, String message) {
        return new Denied(reason, message);
    }

    /** The order may go to the broker. */
    record Approved() implements RiskDecision {
        static final Approved INSTANCE = new Approved();

        @Override
        public boolean isApproved() {
            return true;
        }

        @Override
        public Optional<OrderDenied> toEvent(SubmitOrder order) {
            return Optional.empty();
        }
    }

    /** The order must not go out; {@code message} says which limit, with the numbers. */
    record Denied(DenialReason reason, String message) implements RiskDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean isApproved() {
            return false;
        }

        @Override
        public Optional<OrderDenied> toEvent(SubmitOrder order) {
            return Optional.of(new OrderDenied(order.clientOrderId(), order.createdAt(), reason, message));
        }
    }
}
