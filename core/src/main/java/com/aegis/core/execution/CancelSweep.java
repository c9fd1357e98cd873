package com.aegis.core.execution;

import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which orders to cancel: the ones left unfilled too long (E4: unfilled after 30 s → cancel the rest) and, when
 * trading stops (I3), every order that can still trade. Pure: the caller passes the time and the orders.
 */
public final class CancelSweep {

    /** E4's patience for a resting real-time order. */
    public static final Duration DEFAULT_UNFILLED_TIMEOUT = Duration.ofSeconds(30);

    private CancelSweep() {
    }

    /**
     * Cancels for resting orders (ACCEPTED or PARTIALLY_FILLED) whose acceptance is at least {@code timeout} old at
     * {@code now}. An order already PENDING_CANCEL is left alone; a later sweep may ask again.
     */
    public static List<CancelOrder> unfilledAfter(Collection<Order> orders, Instant now, Duration timeout) {
        Objects.requireNonNull(now, "now");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        List<CancelOrder> cancels = new ArrayList<>();
        for (Order order : orders) {
            if (order.status() != OrderStatus.ACCEPTED && order.status() != OrderStatus.PARTIALLY_FILLED) {
                continue;
            }
            Optional<Instant> restingSince = restingSince(order);
            if (restingSince.isPresent() && !restingSince.get().plus(timeout).isAfter(now)) {
                cancels.add(new CancelOrder(order.clientOrderId(), "unfilled " + order.unfilledQuantity() + " of "
                        + order.quantity() + " shares after " + timeout.toSeconds() + " s", now));
            }
        }
        return cancels;
    }

    /**
     * Cancels for every order that can still trade or still be sent (INITIALIZED, SUBMITTED, ACCEPTED,
     * PARTIALLY_FILLED), as the trading-failure procedure requires.
     */
    public static List<CancelOrder> allOpen(Collection<Order> orders, String reason, Instant now) {
        List<CancelOrder> cancels = new ArrayList<>();
        for (Order order : orders) {
            if (order.isOpen() && order.status() != OrderStatus.PENDING_CANCEL) {
                cancels.add(new CancelOrder(order.clientOrderId(), reason, now));
            }
        }
        return cancels;
    }

    /** When the order started resting at the venue: its acceptance, else its submission (fill before the ack). */
    private static Optional<Instant> restingSince(Order order) {
        Instant submitted = null;
        for (OrderEvent e : order.events()) {
            if (e instanceof OrderAccepted) {
                return Optional.of(e.occurredAt());
            }
            if (e instanceof OrderSubmitted) {
                submitted = e.occurredAt();
            }
        }
        return Optional.ofNullable(submitted);
    }
}
