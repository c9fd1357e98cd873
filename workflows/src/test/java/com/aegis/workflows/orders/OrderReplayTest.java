package com.aegis.workflows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Replays an order's history recorded on the local stack (the crash-safety test writes it to
 * {@code workers/target/histories/order-lifecycle.json}): a real run with the market clock read, the pre-trade check,
 * the KIS submit and fills signalled from the notice stream, while the worker was being killed and restarted.
 */
class OrderReplayTest {

    private static final String RESOURCE = "histories/order-lifecycle.json";

    @Test
    void aRecordedOrderReplaysOnTheCurrentCode() throws IOException {
        WorkflowExecutionHistory history;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            history = WorkflowExecutionHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(history.getEvents())
                .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
                        && e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("fill"));
        assertThat(history.getLastEvent().getEventType())
                .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, OrderLifecycleWorkflowImpl.class))
                .doesNotThrowAnyException();
    }
}
