package com.aegis.workflows.batch;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The current workflow code must replay the histories of real runs on the local stack (recorded by the workers'
 * {@code PreOpenPipelineIT} into {@code workers/target/histories/}) without a non-determinism error; a change that
 * breaks this needs {@code Workflow.getVersion}.
 */
class BatchReplayTest {

    @ParameterizedTest
    @CsvSource({
        "histories/daily-pre-open.json, com.aegis.workflows.batch.DailyPreOpenWorkflowImpl",
        "histories/daily-pre-open-orders.json, com.aegis.workflows.batch.DailyPreOpenWorkflowImpl",
        "histories/daily-post-close.json, com.aegis.workflows.batch.DailyPostCloseWorkflowImpl",
        "histories/scoring-pipeline.json, com.aegis.workflows.scoring.ScoringPipelineWorkflowImpl"})
    void replaysARecordedRun(String resource, Class<?> implementation) {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(resource, implementation))
                .doesNotThrowAnyException();
    }
}
