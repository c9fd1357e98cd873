package com.aegis.core.execution;

/**
 * An event that cannot happen to an order in its current status, e.g. a fill after the order was canceled. It means
 * our view of the order disagrees with the broker's: reconcile with the broker instead of applying the event.
 */
public final class InvalidOrderTransition extends IllegalStateException {

    private final OrderStatus status;
    private final transient OrderEvent event;

    public InvalidOrderTransition(OrderStatus status, OrderEvent event) {
        super("order " + event.clientOrderId() + " is " + status + " and cannot take " + event.eventType()
                + " (" + event + "); the status and the broker disagree: reconcile the order with the broker");
        this.status = status;
        this.event = event;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderEvent event() {
        return event;
    }
}
