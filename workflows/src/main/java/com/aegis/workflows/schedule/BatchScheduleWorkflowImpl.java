package com.aegis.workflows.schedule;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.batch.BatchJob;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.slf4j.Logger;

/**
 * Sleeps until the job's next fire in Seoul time, starts the job's workflow for that KST date (ID
 * {@code BatchJob.workflowId(date)}) as an independent execution through an activity, as a Temporal Schedule does, and
 * continues as new. If that date's run is already going (an operator started it), the fire is noted and nothing else happens;
 * a finished run is started again and decides itself whether it is a no-op (already succeeded) or a skip (holiday).
 */
public class BatchScheduleWorkflowImpl implements BatchScheduleWorkflow {

    private static final Logger log = Workflow.getLogger(BatchScheduleWorkflowImpl.class);

    private final ScheduleActivities starter = Workflow.newActivityStub(ScheduleActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.BATCH)
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build())
                    .build());
    private ScheduleSpec spec;
    private ScheduleState state;
    private boolean updated;

    @Override
    public void run(ScheduleSpec initial, ScheduleState carried) {
        if (spec == null) {
            spec = initial;
        }
        long fired = carried == null ? 0 : carried.fired();
        Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        ZonedDateTime next = spec.job().rule().nextFireAfter(now);
        state = new ScheduleState(spec, spec.job().rule().describe(), next.toInstant().toString(), fired,
                carried == null ? null : carried.lastRunDate(), carried == null ? null : carried.lastRunId(),
                carried == null ? null : carried.lastRunNote());
        Duration wait = Duration.between(now, next.toInstant());
        Workflow.await(wait, () -> updated);
        if (updated) {
            Workflow.continueAsNew(spec, new ScheduleState(spec, spec.job().rule().describe(), null, fired,
                    state.lastRunDate(), state.lastRunId(), "spec updated"));
            return;
        }
        LocalDate date = next.toLocalDate();
        BatchJob job = spec.job();
        String runId = job.workflowId(date);
        String note;
        if (spec.paused()) {
            note = "paused; " + date + " not started";
        } else {
            note = starter.startRun(spec, date);
            fired++;
        }
        log.info("schedule {} fired for {}: {}", job.jobName(), date, note);
        Workflow.continueAsNew(spec, new ScheduleState(spec, job.rule().describe(), null, fired, date, runId, note));
    }

    @Override
    public void update(ScheduleSpec newSpec) {
        if (!newSpec.job().equals(spec.job())) {
            throw new IllegalArgumentException("schedule of " + spec.job() + " cannot become " + newSpec.job());
        }
        spec = newSpec;
        updated = true;
    }

    @Override
    public ScheduleState state() {
        return state;
    }
}
