package com.aegis.workflows.system;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

import java.time.Duration;

/** Runs the three probes in parallel and reports what they saw. */
public class SystemCheckWorkflowImpl implements SystemCheckWorkflow {

    private final SystemCheckActivities probes = Workflow.newActivityStub(SystemCheckActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2.0)
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    @Override
    public SystemCheckReport run(SystemCheckRequest request) {
        long started = Workflow.currentTimeMillis();
        String checkId = Workflow.getInfo().getWorkflowId();
        Promise<SystemCheckReport.PostgresProbe> postgres =
                Async.function(probes::writeAndReadPostgres, checkId, request.note());
        Promise<SystemCheckReport.RedisProbe> redis =
                Async.function(probes::setAndGetRedis, checkId, request.redisTtlSeconds());
        Promise<SystemCheckReport.KafkaProbe> kafka = Async.function(probes::produceAndConsumeKafka, checkId);
        return new SystemCheckReport(checkId, postgres.get(), redis.get(), kafka.get(),
                Workflow.currentTimeMillis() - started);
    }
}
