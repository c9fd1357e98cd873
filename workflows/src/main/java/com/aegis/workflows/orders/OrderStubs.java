package com.aegis.workflows.orders;

import com.aegis.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs of the order workflows. Broker calls retry briefly ({@value #BROKER_ATTEMPTS} attempts) and then the
 * workflow reconciles with an inquiry instead of retrying blindly; the store retries until the database is back,
 * since a terminal order must not lose its report. Only call from workflow code.
 */
public final class OrderStubs {

    /** Attempts of one broker call before the workflow falls back to an inquiry. */
    public static final int BROKER_ATTEMPTS = 3;

    private OrderStubs() {
    }

    public static BrokerActivities broker() {
        return Workflow.newActivityStub(BrokerActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.BROKER)
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(500))
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(Duration.ofSeconds(5))
                        .setMaximumAttempts(BROKER_ATTEMPTS)
                        .setDoNotRetry(IllegalArgumentException.class.getName())
                        .build())
                .build());
    }

    /**
     * The checks wait behind the broker's per-second quote limit in a burst of orders, so an attempt has 30 s; after
     * four attempts the order is denied rather than sent unchecked.
     */
    public static OrderCheckActivities checks() {
        return Workflow.newActivityStub(OrderCheckActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORDERS)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(500))
                        .setMaximumInterval(Duration.ofSeconds(5))
                        .setMaximumAttempts(4)
                        .setDoNotRetry(IllegalArgumentException.class.getName())
                        .build())
                .build());
    }

    public static OrderStoreActivities store() {
        return Workflow.newActivityStub(OrderStoreActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORDERS)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumInterval(Duration.ofMinutes(1))
                        .setDoNotRetry(IllegalArgumentException.class.getName())
                        .build())
                .build());
    }
}
