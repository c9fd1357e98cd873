package com.aegis.localstack;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.Version;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server on a real gRPC port, so any Temporal client (CLI, SDK, workers in another JVM) can
 * connect. Time skipping stays locked: with it unlocked the server fails activities with "Duration of this magnitude
 * not supported", and a live system must run on wall-clock time anyway. Histories live in memory only.
 */
final class TemporalComponent implements EmbeddedComponent {

    static final String NAME = "Temporal";
    static final String NAMESPACE = "default";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final String host;
    private final int port;
    private volatile TestServer.PortBoundTestServer server;
    private volatile WorkflowServiceStubs probeStubs;

    TemporalComponent(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return host + ":" + port;
    }

    String version() {
        return "test server " + Version.LIBRARY_VERSION;
    }

    @Override
    public void start() {
        // The test server listens on every interface, so the wildcard address is the one that must be free.
        Ports.requireFree(NAME, null, host, port, Settings.TEMPORAL_PORT);
        try {
            server = TestServer.createPortBoundServer(port, true);
        } catch (RuntimeException e) {
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": " + Failures.rootMessage(e)
                    + ". Set " + Settings.describe(Settings.TEMPORAL_PORT) + " to a free port.", e);
        }
        probeStubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build());
    }

    @Override
    public ComponentStatus status() {
        WorkflowServiceStubs stubs = probeStubs;
        if (server == null || stubs == null) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version(), "not running");
        }
        try {
            stubs.blockingStub().withDeadlineAfter(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            stubs.blockingStub().withDeadlineAfter(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(NAMESPACE).build());
            return new ComponentStatus(NAME, address(), ComponentStatus.State.UP, version(),
                    "namespace " + NAMESPACE + ", time skipping locked, histories in memory");
        } catch (RuntimeException e) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version(),
                    "gRPC probe failed: " + Failures.rootMessage(e));
        }
    }

    @Override
    public void stop() {
        WorkflowServiceStubs stubs = probeStubs;
        probeStubs = null;
        if (stubs != null) {
            stubs.shutdownNow();
        }
        TestServer.PortBoundTestServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }
}
