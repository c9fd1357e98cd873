package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A worker and a client in this JVM talk to the stack's Temporal over its real gRPC port, as a separate JVM would. */
class TemporalRoundTripTest {

    private static final String TASK_QUEUE = "local-stack-round-trip";

    @WorkflowInterface
    public interface EchoWorkflow {
        @WorkflowMethod(name = "LocalStackEcho")
        String echo(String text);
    }

    @ActivityInterface
    public interface EchoActivities {
        @ActivityMethod(name = "LocalStackUpperCase")
        String upperCase(String text);
    }

    public static class EchoWorkflowImpl implements EchoWorkflow {
        private final EchoActivities activities = Workflow.newActivityStub(EchoActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(10))
                        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                        .build());

        @Override
        public String echo(String text) {
            return activities.upperCase(text);
        }
    }

    public static class EchoActivitiesImpl implements EchoActivities {
        @Override
        public String upperCase(String text) {
            return text.toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void aWorkflowWithAnActivityCompletesThroughThePortBoundServer() {
        LocalStack stack = LocalStack.sharedForTests();
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
        WorkflowClient client = WorkflowClient.newInstance(service,
                WorkflowClientOptions.newBuilder().setNamespace(stack.temporalNamespace()).build());
        WorkerFactory workers = WorkerFactory.newInstance(client);
        try {
            var worker = workers.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(EchoWorkflowImpl.class);
            worker.registerActivitiesImplementations(new EchoActivitiesImpl());
            workers.start();

            EchoWorkflow workflow = client.newWorkflowStub(EchoWorkflow.class, WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId("local-stack-echo-" + UUID.randomUUID())
                    .setWorkflowExecutionTimeout(Duration.ofSeconds(30))
                    .build());

            assertThat(workflow.echo("samsung 005930")).isEqualTo("SAMSUNG 005930");
        } finally {
            workers.shutdownNow();
            service.shutdownNow();
        }
    }
}
