package com.aegis.workflows.system;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.system.SystemCheckReport.KafkaProbe;
import com.aegis.workflows.system.SystemCheckReport.PostgresProbe;
import com.aegis.workflows.system.SystemCheckReport.RedisProbe;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflow's orchestration with in-memory probes; the real probes run against the local stack in activities. */
class SystemCheckWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
            .setWorkflowTypes(SystemCheckWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    /** Probes that echo what they were given; the Kafka probe fails once to exercise the retry policy. */
    static final class EchoProbes implements SystemCheckActivities {
        final AtomicInteger kafkaAttempts = new AtomicInteger();

        @Override
        public PostgresProbe writeAndReadPostgres(String checkId, String note) {
            return new PostgresProbe(1, checkId + ":" + note, checkId + ":" + note, "17.5", 3);
        }

        @Override
        public RedisProbe setAndGetRedis(String checkId, long ttlSeconds) {
            return new RedisProbe("aegis:v1:system-check:" + checkId, checkId, checkId, ttlSeconds, ttlSeconds, "6.2.6", 1);
        }

        @Override
        public KafkaProbe produceAndConsumeKafka(String checkId) {
            if (kafkaAttempts.incrementAndGet() == 1) {
                throw new IllegalStateException("broker not ready");
            }
            return new KafkaProbe("aegis.system-check.v1", 0, 42, checkId, checkId, 5);
        }
    }

    @Test
    void reportsEveryProbeAndRetriesAFailedOne(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
        EchoProbes probes = new EchoProbes();
        worker.registerActivitiesImplementations(probes);
        env.start();

        SystemCheckWorkflow workflow = client.newWorkflowStub(SystemCheckWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("check-1").build());
        SystemCheckReport report = workflow.run(new SystemCheckRequest("hello", 30));

        assertThat(report.checkId()).isEqualTo("check-1");
        assertThat(report.postgres().readBack()).isEqualTo("check-1:hello");
        assertThat(report.redis().ttlSecondsSet()).isEqualTo(30);
        assertThat(report.kafka().offset()).isEqualTo(42);
        assertThat(report.healthy()).isTrue();
        assertThat(probes.kafkaAttempts).hasValue(2);
    }

    @Test
    void aMismatchedReadIsReportedUnhealthy() {
        SystemCheckReport report = new SystemCheckReport("c",
                new PostgresProbe(1, "a", "b", "17", 1),
                new RedisProbe("k", "v", "v", 10, 10, "6", 1),
                new KafkaProbe("t", 0, 0, "x", "x", 1), 5);
        assertThat(report.healthy()).isFalse();
    }

    @Test
    void theOpsQueueIsWhereOperatorsSendChecks() {
        assertThat(TaskQueues.MAIN_WORKER_QUEUES).contains(TaskQueues.OPS);
    }
}
