package com.aegis.workflows.schedule;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.batch.BatchRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Starts runs through the workflow client. Idempotent: the run's workflow ID is fixed by job and date, so a retried
 * start finds the run it already started and reports it as running.
 */
public class ScheduleActivitiesImpl implements ScheduleActivities {

    private final WorkflowClient client;

    public ScheduleActivitiesImpl(WorkflowClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String startRun(ScheduleSpec spec, LocalDate date) {
        BatchJob job = spec.job();
        String id = job.workflowId(date);
        WorkflowStub run = client.newUntypedWorkflowStub(job.workflowType(), WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.BATCH)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
        try {
            WorkflowExecution execution = run.start(new BatchRequest(date, false, spec.aiEnabled()));
            return "started " + id + " (run " + execution.getRunId() + ")";
        } catch (WorkflowExecutionAlreadyStarted already) {
            return "not started: " + id + " is already running";
        }
    }
}
