package com.aegis.workflows.schedule;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One batch job's schedule; its workflow ID is {@code BatchJob.scheduleId()}. */
@WorkflowInterface
public interface BatchScheduleWorkflow {

    String TYPE = "BatchScheduleWorkflow";

    /** Runs forever (continuing as new after every fire). */
    @WorkflowMethod(name = TYPE)
    void run(ScheduleSpec spec, ScheduleState carried);

    /** Replaces the spec (AI switch, pause); takes effect at once, the fire times stay the job's. */
    @SignalMethod(name = "UpdateSchedule")
    void update(ScheduleSpec spec);

    @QueryMethod(name = "ScheduleState")
    ScheduleState state();
}
