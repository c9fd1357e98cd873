package com.aegis.workflows.scoring;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The analytics pipeline of one date: screen → quant → AI → final. Runs as a child of the pre-open job, or on its
 * own for a backfill. Fails when a stage other than AI fails; the AI stage's failure degrades instead.
 */
@WorkflowInterface
public interface ScoringPipelineWorkflow {

    String TYPE = "ScoringPipelineWorkflow";

    @WorkflowMethod(name = TYPE)
    PipelineReport run(PipelineRequest request);
}
