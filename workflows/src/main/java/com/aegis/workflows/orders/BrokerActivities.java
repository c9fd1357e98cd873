package com.aegis.workflows.orders;

import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The broker port (KIS order REST API), served on task queue {@code aegis-broker}, which is rate-limited for the whole
 * queue at the broker's limit. Every call names the order by its {@code brokerOrderKey}, derived from the workflow ID
 * and a submit sequence number: a submit with a key the broker already knows must return that order instead of
 * placing a second one, so a retried submit is harmless.
 */
@ActivityInterface
public interface BrokerActivities {

    /** Places the order, or returns the order already placed under the same key. */
    @ActivityMethod(name = "BrokerSubmitOrder")
    SubmitResult submit(SubmitRequest request);

    /** Asks the broker to cancel the unfilled remainder; the outcome is read back with {@link #inquire}. */
    @ActivityMethod(name = "BrokerCancelOrder")
    CancelResult cancel(CancelRequest request);

    /** Changes a resting limit order's limit price (정정주문), keeping its total quantity. */
    @ActivityMethod(name = "BrokerModifyOrder")
    ModifyResult modify(ModifyRequest request);

    /**
     * The broker's view of the order (주문체결조회): status, limit, and the cumulative fills under each order number
     * the order has had.
     */
    @ActivityMethod(name = "BrokerInquireOrder")
    BrokerOrder inquire(Inquiry inquiry);

    /**
     * A new order.
     *
     * @param brokerOrderKey idempotency key, unique per placed order
     * @param limitPrice     KRW per share for LIMIT, 0 for MARKET
     */
    record SubmitRequest(String brokerOrderKey, String clientOrderId, String accountId, String symbol, Market market,
            Side side, OrderType type, long quantity, long limitPrice) {
        public SubmitRequest {
            Objects.requireNonNull(brokerOrderKey, "brokerOrderKey");
        }
    }

    /**
     * The broker's answer to a submit.
     *
     * @param accepted      true if the broker took the order
     * @param brokerOrderId the broker's order number when accepted, else null
     * @param reasonCode    the broker's rejection code (e.g. a KIS msg_cd such as {@code APBK0919}) when rejected
     * @param message       the broker's message
     */
    record SubmitResult(boolean accepted, String brokerOrderId, String reasonCode, String message) {

        public static SubmitResult accepted(String brokerOrderId) {
            return new SubmitResult(true, Objects.requireNonNull(brokerOrderId, "brokerOrderId"), null, "accepted");
        }

        public static SubmitResult rejected(String reasonCode, String message) {
            return new SubmitResult(false, null, Objects.requireNonNull(reasonCode, "reasonCode"), message);
        }
    }

    /** Cancel of what is left of an order. */
    record CancelRequest(String brokerOrderKey, String brokerOrderId, String reason) {
    }

    /**
     * Whether the broker took the cancel request; the cancel's effect is confirmed by an inquiry.
     *
     * @param reasonCode why the broker refused, e.g. the order had filled already; null when accepted
     */
    record CancelResult(boolean accepted, String reasonCode, String message) {
    }

    /** New limit price of a resting limit order; {@code quantity} is the unchanged total including fills. */
    record ModifyRequest(String brokerOrderKey, String brokerOrderId, long quantity, long limitPrice) {
    }

    /**
     * Whether the broker applied the change; {@code reasonCode} says why not.
     *
     * @param newBrokerOrderId the number the broker gave the modified order (KIS numbers every modification), or
     *                         null when refused; later fills of the order may name it
     */
    record ModifyResult(boolean accepted, String newBrokerOrderId, String reasonCode, String message) {
    }

    /** Look-up by key (always known) and broker order ID (null if the submit's answer was lost). */
    record Inquiry(String brokerOrderKey, String brokerOrderId) {
    }

    /** The broker's status of an order. */
    enum BrokerStatus {
        /** The broker has no order under the key: it never arrived. */
        NOT_FOUND,
        /** Resting, possibly partly filled. */
        OPEN,
        FILLED,
        /** Canceled (by request or by the venue) with the fills listed. */
        CANCELED,
        REJECTED
    }

    /**
     * The broker's view of one order.
     *
     * @param brokerOrderId  the current order number (the latest modification's), null when NOT_FOUND
     * @param limitPrice     current limit price, after modifications
     * @param filledQuantity shares filled so far; equals the sum over {@code legs}
     * @param legs           the cumulative fills under each order number, the original first
     * @param reasonCode     rejection code when REJECTED
     */
    record BrokerOrder(BrokerStatus status, String brokerOrderId, long quantity, long limitPrice,
            long filledQuantity, List<Leg> legs, String reasonCode, String message) {
        public BrokerOrder {
            Objects.requireNonNull(status, "status");
            legs = legs == null ? List.of() : List.copyOf(legs);
            long sum = legs.stream().mapToLong(Leg::filledQuantity).sum();
            if (sum != filledQuantity) {
                throw new IllegalArgumentException("filled quantity " + filledQuantity + " of " + brokerOrderId
                        + " is not the sum over its order numbers (" + sum + ")");
            }
        }

        public static BrokerOrder notFound() {
            return new BrokerOrder(BrokerStatus.NOT_FOUND, null, 0, 0, 0, List.of(), null, "no order under the key");
        }
    }

    /**
     * What has filled under one order number, as the broker's inquiry totals it (it lists no single executions).
     *
     * @param filledQuantity shares filled under this number so far
     * @param filledAmount   their value, KRW (price x quantity summed over the executions)
     * @param lastFillAt     when the inquiry saw it; the executions' own times are in the notices
     */
    record Leg(String brokerOrderId, long filledQuantity, long filledAmount, Instant lastFillAt) {
        public Leg {
            Objects.requireNonNull(brokerOrderId, "brokerOrderId");
            if (filledQuantity < 0 || filledAmount < 0 || (filledQuantity == 0) != (filledAmount == 0)) {
                throw new IllegalArgumentException("order " + brokerOrderId + " lists " + filledQuantity
                        + " shares filled for " + filledAmount + " KRW");
            }
        }
    }
}
