package com.aegis.workflows.schedule;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.batch.BatchJob;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates or updates the batch schedules when the workers start: idempotent, so every start (and every worker) may
 * call it. A schedule that is running with another spec is signalled the new one; a missing one is started.
 */
public final class BatchSchedules {

    /** What {@link #ensure} did to one schedule. */
    public record Ensured(BatchJob job, String workflowId, String action) {
    }

    private BatchSchedules() {
    }

    public static List<Ensured> ensure(WorkflowClient client, List<ScheduleSpec> specs) {
        List<Ensured> out = new ArrayList<>();
        for (ScheduleSpec spec : specs) {
            out.add(ensure(client, spec));
        }
        return out;
    }

    public static Ensured ensure(WorkflowClient client, ScheduleSpec spec) {
        String id = spec.job().scheduleId();
        BatchScheduleWorkflow schedule = client.newWorkflowStub(BatchScheduleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(id)
                        .setTaskQueue(TaskQueues.BATCH)
                        .build());
        try {
            WorkflowExecution execution = WorkflowClient.start(schedule::run, spec, null);
            return new Ensured(spec.job(), id, "created " + execution.getRunId());
        } catch (WorkflowExecutionAlreadyStarted running) {
            BatchScheduleWorkflow existing = client.newWorkflowStub(BatchScheduleWorkflow.class, id);
            ScheduleState state = existing.state();
            if (state == null || !spec.equals(state.spec())) {
                existing.update(spec);
                return new Ensured(spec.job(), id, "updated");
            }
            return new Ensured(spec.job(), id, "unchanged");
        }
    }

    /** The schedule's state, or empty when it is not running. */
    public static Optional<ScheduleState> state(WorkflowClient client, BatchJob job) {
        try {
            WorkflowStub stub = client.newUntypedWorkflowStub(job.scheduleId());
            return Optional.ofNullable(stub.query("ScheduleState", ScheduleState.class));
        } catch (io.temporal.client.WorkflowNotFoundException | io.temporal.client.WorkflowQueryException e) {
            return Optional.empty();
        }
    }
}
