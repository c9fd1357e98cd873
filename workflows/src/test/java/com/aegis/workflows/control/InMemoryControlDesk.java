package com.aegis.workflows.control;

import com.aegis.workflows.orders.OrderCheckActivities.MarketClockReading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The trading control's activities over in-memory state, for workflow tests with time skipping: the audit trail,
 * alerts, cancel-all calls against a count of open orders, and order starts keyed by the derived order ID. The
 * activities against PostgreSQL and the order workflows are tested in the activities and workers modules.
 */
final class InMemoryControlDesk implements ControlActivities {

    record CancelCall(LocalDate date, String reason, int cancelled) {
    }

    final List<ModeAudit> audits = new CopyOnWriteArrayList<>();
    final List<ControlAlert> alerts = new CopyOnWriteArrayList<>();
    final List<CancelCall> cancels = new CopyOnWriteArrayList<>();
    final List<OrderStart> starts = new CopyOnWriteArrayList<>();
    final Map<String, OrderStart> orders = new ConcurrentHashMap<>();
    /** Unfilled orders at the venue; cancel-all cancels them all. */
    final AtomicInteger openOrders = new AtomicInteger();
    /** Refuse the next n order starts with a non-retryable error. */
    final AtomicInteger startRefusals = new AtomicInteger();

    /** The venue's clock: the test environment's time. */
    volatile Supplier<Instant> clock = Instant::now;

    @Override
    public MarketClockReading marketClock() {
        return new MarketClockReading(clock.get(), 1.0);
    }

    @Override
    public void recordModeChange(ModeAudit audit) {
        if (audits.stream().noneMatch(a -> a.date().equals(audit.date()) && a.sequence() == audit.sequence())) {
            audits.add(audit);
        }
    }

    @Override
    public int cancelAllOpenOrders(LocalDate date, String reason) {
        int cancelled = openOrders.getAndSet(0);
        cancels.add(new CancelCall(date, reason, cancelled));
        return cancelled;
    }

    @Override
    public void raiseAlert(ControlAlert alert) {
        if (alerts.stream().noneMatch(a -> a.date().equals(alert.date()) && a.sequence() == alert.sequence())) {
            alerts.add(alert);
        }
    }

    @Override
    public String startOrder(OrderStart start) {
        if (startRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalArgumentException("order service refused " + start.decision().id());
        }
        OrderDecision d = start.decision();
        String id = "order-" + start.date() + "-" + d.symbol() + "-" + d.side() + "-" + d.signalId();
        if (orders.putIfAbsent(id, start) == null) {
            starts.add(start);
            openOrders.incrementAndGet();
        }
        return id;
    }

    List<ControlAlert> alertsOf(ControlAlert.Kind kind) {
        return alerts.stream().filter(a -> a.kind() == kind).toList();
    }
}
