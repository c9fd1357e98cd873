package com.aegis.workflows.batch;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.scoring.AiScoringActivities;
import com.aegis.workflows.scoring.ScoringActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs of the batch workflows, with their timeouts and retries. Collection retries three times (D2: the
 * clients already retry each call and fail over between sources; a whole-stage retry covers a worker crash or a
 * database hiccup). Only call from workflow code.
 */
public final class BatchStubs {

    /** A collection stage may page through 2,800 stocks and several sources. */
    public static final Duration COLLECTION_TIMEOUT = Duration.ofMinutes(10);
    /** The AI stage's whole budget, including waiting for a GPU worker to pick it up; then degraded mode. */
    public static final Duration AI_BUDGET = Duration.ofMinutes(2);

    private BatchStubs() {
    }

    private static RetryOptions retries(int attempts) {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(attempts)
                .setDoNotRetry(IllegalArgumentException.class.getName())
                .build();
    }

    public static CollectionActivities collection() {
        return Workflow.newActivityStub(CollectionActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.BATCH)
                .setStartToCloseTimeout(COLLECTION_TIMEOUT)
                .setRetryOptions(retries(3))
                .build());
    }

    public static BatchRunActivities runs() {
        return Workflow.newActivityStub(BatchRunActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.BATCH)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(retries(10))
                .build());
    }

    public static ScoringActivities scoring() {
        return Workflow.newActivityStub(ScoringActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.BATCH)
                .setStartToCloseTimeout(Duration.ofMinutes(10))
                .setRetryOptions(retries(3))
                .build());
    }

    public static OrderPlanningActivities planning() {
        return Workflow.newActivityStub(OrderPlanningActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORDERS)
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3)
                        .setDoNotRetry(IllegalArgumentException.class.getName()).build())
                .build());
    }

    public static AiScoringActivities ai() {
        return Workflow.newActivityStub(AiScoringActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.AI)
                .setScheduleToCloseTimeout(AI_BUDGET)
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(retries(2))
                .build());
    }
}
