package com.aegis.benchmarks.pipeline;

/** Returns its input; see {@link EchoWorkflow}. */
public class EchoWorkflowImpl implements EchoWorkflow {

    @Override
    public String echo(String input) {
        return input;
    }
}
