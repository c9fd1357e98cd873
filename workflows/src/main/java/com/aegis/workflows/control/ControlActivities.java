package com.aegis.workflows.control;

import com.aegis.workflows.orders.OrderCheckActivities.MarketClockReading;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.LocalDate;

/**
 * What the trading control does outside the workflow, on task queue {@code aegis-orders}. Every method is idempotent
 * for its identifying arguments, so a retry after a worker crash repeats nothing.
 */
@ActivityInterface
public interface ControlActivities {

    /** Writes one row of {@code trading_mode_audit}; idempotent on (date, sequence). */
    @ActivityMethod(name = "ControlRecordModeChange")
    void recordModeChange(ModeAudit audit);

    /**
     * Cancels every unfilled order of the day (I3, kill switch) and returns how many cancel requests were made; a
     * repeat finds nothing left to cancel.
     */
    @ActivityMethod(name = "ControlCancelAllOpenOrders")
    int cancelAllOpenOrders(LocalDate date, String reason);

    /** Raises an alert or incident to the operators; idempotent on (date, sequence). */
    @ActivityMethod(name = "ControlRaiseAlert")
    void raiseAlert(ControlAlert alert);

    /**
     * Starts the order workflow of a decision and returns its workflow ID; the ID is derived from the decision, so a
     * repeat returns the same order instead of starting a second one.
     */
    @ActivityMethod(name = "ControlStartOrder")
    String startOrder(OrderStart start);

    /** The market's clock (the venue's time and speed), which the day's end and every timestamp follow. */
    @ActivityMethod(name = "ControlMarketClock")
    MarketClockReading marketClock();
}
