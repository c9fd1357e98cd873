package com.aegis.cli;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A Temporal client for the CLI's one command, connected lazily and closed with it. */
final class TemporalAccess implements AutoCloseable {

    private final CliSettings settings;
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;

    TemporalAccess(CliSettings settings) {
        this.settings = settings;
        this.stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(settings.temporalTarget())
                .setRpcTimeout(Duration.ofSeconds(10))
                .build());
        this.client = WorkflowClient.newInstance(stubs,
                WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
    }

    /** Fails with a clear message when nothing answers at the configured address. */
    TemporalAccess requireReachable() {
        try {
            stubs.blockingStub().withDeadlineAfter(3, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return this;
        } catch (RuntimeException e) {
            throw new CliException("Temporal is not reachable at " + settings.temporalTarget() + " ("
                    + e.getMessage() + "). Start AEGIS with './aegis up', or set AEGIS_TEMPORAL_TARGET.", e);
        }
    }

    WorkflowServiceStubs stubs() {
        return stubs;
    }

    WorkflowClient client() {
        return client;
    }

    String namespace() {
        return settings.namespace();
    }

    @Override
    public void close() {
        stubs.shutdownNow();
        stubs.awaitTermination(2, TimeUnit.SECONDS);
    }
}
