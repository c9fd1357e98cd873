package com.aegis.workflows.orders;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Persistence of orders (task queue {@code aegis-orders}): the order row, its events and its execution report.
 * Both calls are idempotent: events carry their sequence number and a report replaces the order's previous one.
 */
@ActivityInterface
public interface OrderStoreActivities {

    /** Upserts the order row and appends the events not stored yet (by sequence). */
    @ActivityMethod(name = "OrderRecordEvents")
    void recordEvents(EventBatch batch);

    /** Stores the order's execution report. */
    @ActivityMethod(name = "OrderSaveReport")
    void saveReport(OrderExecutionReport report);

    /** The order's row and its new events. */
    record EventBatch(OrderSnapshot order, List<OrderEventRecord> events) {
        public EventBatch {
            events = List.copyOf(events);
        }
    }
}
