package com.aegis.core.execution;

import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderCancelRejected;
import com.aegis.core.execution.OrderEvent.OrderDenied;
import com.aegis.core.execution.OrderEvent.OrderFilled;
import com.aegis.core.execution.OrderEvent.OrderInitialized;
import com.aegis.core.execution.OrderEvent.OrderRejected;
import com.aegis.core.execution.OrderEvent.OrderUpdated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One order and everything that happened to it. State changes only by {@link #apply(OrderEvent)}, so replaying the
 * stored events rebuilds the same order. Money is exact: the filled notional is kept as whole KRW.
 *
 * <p>Not thread-safe: an order is owned by the one workflow or thread that manages it.
 */
public final class Order {

    /** What {@link #apply(OrderEvent)} did with an event. */
    public enum ApplyOutcome {
        /** The event changed the order. */
        APPLIED,
        /** The same fill (same trade id, price and quantity) was already applied; nothing changed. */
        DUPLICATE_FILL_IGNORED
    }

    private final SubmitOrder command;
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<OrderFilled> fills = new ArrayList<>();
    private final Map<TradeId, OrderFilled> fillsByTradeId = new HashMap<>();
    private OrderStatus status = OrderStatus.INITIALIZED;
    private long quantity;
    private long limitPrice;
    private long filledQuantity;
    private long filledNotional;
    private BrokerOrderId brokerOrderId;
    private String rejectReason;
    private int duplicateFillsIgnored;

    private Order(OrderInitialized initialized) {
        this.command = initialized.order();
        this.quantity = command.quantity();
        this.limitPrice = command.limitPrice();
        events.add(initialized);
    }

    /** A new order in status INITIALIZED. */
    public static Order create(SubmitOrder command) {
        return new Order(new OrderInitialized(command));
    }

    /** Rebuilds an order from its stored events; the first must be its {@link OrderInitialized}. */
    public static Order replay(List<? extends OrderEvent> history) {
        if (history.isEmpty() || !(history.get(0) instanceof OrderInitialized init)) {
            throw new IllegalArgumentException("an order history must start with ORDER_INITIALIZED, got "
                    + (history.isEmpty() ? "no events" : history.get(0).eventType()));
        }
        Order order = new Order(init);
        for (OrderEvent e : history.subList(1, history.size())) {
            order.apply(e);
        }
        return order;
    }

    /**
     * Applies an event. A fill whose trade id was already applied with the same price and quantity is ignored and
     * reported as {@link ApplyOutcome#DUPLICATE_FILL_IGNORED}, because brokers redeliver fill notices.
     *
     * @throws InvalidOrderTransition   if the event cannot happen in the current status
     * @throws ConflictingFillException if a known trade id comes back with another price or quantity
     * @throws OverfillException        if a fill would take the filled quantity above the order quantity
     * @throws IllegalArgumentException if the event belongs to another order or its quantities disagree with ours
     */
    public ApplyOutcome apply(OrderEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.clientOrderId().equals(command.clientOrderId())) {
            throw new IllegalArgumentException("event " + event.eventType() + " is for order " + event.clientOrderId()
                    + ", not for " + command.clientOrderId());
        }
        if (event instanceof OrderFilled fill) {
            OrderFilled known = fillsByTradeId.get(fill.tradeId());
            if (known != null) {
                if (!known.sameExecutionAs(fill)) {
                    throw new ConflictingFillException(known, fill);
                }
                duplicateFillsIgnored++;
                return ApplyOutcome.DUPLICATE_FILL_IGNORED;
            }
            checkFill(fill);
        }
        checkQuantities(event);
        OrderStatus next = status.transition(event);
        mutate(event);
        status = next;
        events.add(event);
        return ApplyOutcome.APPLIED;
    }

    /**
     * Builds the fill event for a broker execution with the leaves this order will have after it, and applies it.
     * Use this for fills read from a fill notice; {@link #apply(OrderEvent)} is for stored events.
     */
    public ApplyOutcome fill(TradeId tradeId, long price, long fillQuantity, Instant at) {
        OrderFilled known = fillsByTradeId.get(tradeId);
        // A redelivered notice keeps its first leaves; an overfill is reported by apply with the order's numbers.
        long leaves = known != null ? known.leavesQuantity() : Math.max(0, quantity - filledQuantity - fillQuantity);
        return apply(new OrderFilled(command.clientOrderId(), at, tradeId, price, fillQuantity, leaves));
    }

    /** Builds the cancel-rejected event with this order's filled quantity and applies it. */
    public ApplyOutcome cancelRejected(String reason, Instant at) {
        return apply(new OrderCancelRejected(command.clientOrderId(), at, reason, filledQuantity));
    }

    private void checkFill(OrderFilled fill) {
        long after = filledQuantity + fill.quantity();
        if (after > quantity) {
            throw new OverfillException(command.clientOrderId(), fill, filledQuantity, quantity);
        }
    }

    private void checkQuantities(OrderEvent event) {
        if (event instanceof OrderFilled fill) {
            long expectedLeaves = quantity - filledQuantity - fill.quantity();
            if (fill.leavesQuantity() != expectedLeaves) {
                throw new IllegalArgumentException("fill " + fill.tradeId() + " of order " + command.clientOrderId()
                        + " says " + fill.leavesQuantity() + " shares are left, but the order has " + quantity
                        + " ordered and " + (filledQuantity + fill.quantity()) + " filled, so " + expectedLeaves
                        + " are left; rebuild the event from the order (Order.fill) or reconcile with the broker");
            }
        } else if (event instanceof OrderCancelRejected rejected && rejected.filledQuantity() != filledQuantity) {
            throw new IllegalArgumentException("cancel rejection of order " + command.clientOrderId() + " says "
                    + rejected.filledQuantity() + " shares are filled, the order has " + filledQuantity
                    + "; build it with Order.cancelRejected or reconcile with the broker");
        } else if (event instanceof OrderUpdated updated) {
            if (command.type() != OrderType.LIMIT) {
                throw new IllegalArgumentException("order " + command.clientOrderId() + " is a MARKET order; only"
                        + " a LIMIT order's quantity and price can be modified");
            }
            if (updated.quantity() <= filledQuantity) {
                throw new IllegalArgumentException("order " + command.clientOrderId() + " cannot be reduced to "
                        + updated.quantity() + " shares: " + filledQuantity + " are already filled; cancel the rest"
                        + " instead");
            }
        }
    }

    private void mutate(OrderEvent event) {
        if (event instanceof OrderFilled fill) {
            filledQuantity += fill.quantity();
            filledNotional = Math.addExact(filledNotional, fill.notional());
            fills.add(fill);
            fillsByTradeId.put(fill.tradeId(), fill);
        } else if (event instanceof OrderAccepted accepted) {
            brokerOrderId = accepted.brokerOrderId();
        } else if (event instanceof OrderDenied denied) {
            rejectReason = denied.reason().name();
        } else if (event instanceof OrderRejected rejected) {
            rejectReason = rejected.reasonCode();
        } else if (event instanceof OrderUpdated updated) {
            quantity = updated.quantity();
            limitPrice = updated.limitPrice();
        }
    }

    public ClientOrderId clientOrderId() {
        return command.clientOrderId();
    }

    /** The command the order was created from (original quantity and price). */
    public SubmitOrder command() {
        return command;
    }

    public OrderStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** Ordered quantity, after any confirmed modification. */
    public long quantity() {
        return quantity;
    }

    /** Limit price after any confirmed modification; 0 for a MARKET order. */
    public long limitPrice() {
        return limitPrice;
    }

    public long filledQuantity() {
        return filledQuantity;
    }

    /** Shares that can still fill: ordered minus filled while the order is open, 0 once it is closed. */
    public long leavesQuantity() {
        return status.isTerminal() ? 0 : quantity - filledQuantity;
    }

    /** Shares that never filled: ordered minus filled, whatever the status. */
    public long unfilledQuantity() {
        return quantity - filledQuantity;
    }

    /** Σ price × quantity over the fills, in KRW. */
    public long filledNotional() {
        return filledNotional;
    }

    /** Average fill price, rounded half-even to 4 decimals (as stored); empty before the first fill. */
    public Optional<BigDecimal> averageFillPrice() {
        if (filledQuantity == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(filledNotional)
                .divide(BigDecimal.valueOf(filledQuantity), 4, RoundingMode.HALF_EVEN));
    }

    /** Filled share of the ordered quantity, 0..1 (the real-time fill rate of E5). */
    public double fillRate() {
        return (double) filledQuantity / quantity;
    }

    public Optional<BrokerOrderId> brokerOrderId() {
        return Optional.ofNullable(brokerOrderId);
    }

    /** The denial reason code (DENIED) or the broker's reject code (REJECTED). */
    public Optional<String> rejectReason() {
        return Optional.ofNullable(rejectReason);
    }

    /** The applied fills in arrival order (duplicates excluded). */
    public List<OrderFilled> fills() {
        return List.copyOf(fills);
    }

    /** Every applied event, starting with the {@link OrderInitialized}. */
    public List<OrderEvent> events() {
        return List.copyOf(events);
    }

    /** How many redelivered fills were ignored. */
    public int duplicateFillsIgnored() {
        return duplicateFillsIgnored;
    }

    @Override
    public String toString() {
        return "Order[" + command.clientOrderId() + " " + command.side() + " " + quantity + " " + command.symbol()
                + " " + command.type() + (limitPrice > 0 ? " @" + limitPrice : "") + ", " + status + ", filled "
                + filledQuantity + "]";
    }
}
