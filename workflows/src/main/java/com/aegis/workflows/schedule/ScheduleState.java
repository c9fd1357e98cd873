package com.aegis.workflows.schedule;

import java.time.LocalDate;

/**
 * A schedule's state, as its query returns it.
 *
 * @param spec          what it runs
 * @param rule          the fire rule, human-readable
 * @param nextFire      ISO-8601 instant of the next fire
 * @param fired         runs started since the schedule was created
 * @param lastRunDate   the date of the last run started, or null
 * @param lastRunId     the workflow ID of the last run started, or null
 * @param lastRunNote   what happened at the last fire (started, already running, paused)
 */
public record ScheduleState(ScheduleSpec spec, String rule, String nextFire, long fired, LocalDate lastRunDate,
                            String lastRunId, String lastRunNote) {
}
