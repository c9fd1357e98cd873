package com.aegis.workflows.orders;

import com.aegis.core.execution.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What {@link OrderLifecycleWorkflow#state()} shows an operator.
 *
 * @param averagePrice          null before the first fill
 * @param duplicateFillsIgnored redelivered fill notices that were ignored
 * @param reprices              limit changes made by the 10-minute reviews
 * @param events                the order's events so far
 * @param notes                 decisions and anomalies of the workflow (reviews, ignored or refused notices)
 */
public record OrderState(String workflowId, String brokerOrderKey, String brokerOrderId, OrderStatus status,
        long quantity, long limitPrice, long filledQuantity, BigDecimal averagePrice, int duplicateFillsIgnored,
        int reprices, String rejectReason, List<OrderEventRecord> events, List<Note> notes) {

    /** A workflow decision or anomaly, time-stamped with workflow time. */
    public record Note(Instant at, String text) {
    }
}
