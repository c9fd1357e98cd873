package com.aegis.workflows.system;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The current workflow code must replay the history of a real run on the local stack without a non-determinism error;
 * a change that breaks this needs {@code Workflow.getVersion}.
 */
class SystemCheckReplayTest {

    @Test
    void replaysARecordedRun() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                "histories/system-check.json", SystemCheckWorkflowImpl.class))
                .doesNotThrowAnyException();
    }
}
