package com.aegis.benchmarks.pipeline;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A workflow without activities that returns its input: one Temporal round trip (start, one workflow task, result),
 * the baseline against which the scoring pipeline's wall time through Temporal is compared.
 */
@WorkflowInterface
public interface EchoWorkflow {

    String TYPE = "BenchmarkEcho";

    @WorkflowMethod(name = TYPE)
    String echo(String input);
}
