package com.aegis.workflows.batch;

import com.aegis.core.schedule.BatchCalendarRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The scheduled batch jobs of requirement T2, each a workflow on {@code aegis-batch}. A job's run for a KST date has
 * one workflow ID, so a date can never run twice at once, and {@code batch_run} remembers which dates succeeded.
 */
public enum BatchJob {
    /** 08:30 every day: tidy the previous session's data, run the scoring pipeline, publish the watchlist. */
    DAILY_PRE_OPEN("DailyPreOpen", "DailyPreOpenWorkflow", BatchCalendarRule.daily(LocalTime.of(8, 30))),
    /** 18:00 every day: collect and tidy the day's market data, disclosures and global indicators. */
    DAILY_POST_CLOSE("DailyPostClose", "DailyPostCloseWorkflow", BatchCalendarRule.daily(LocalTime.of(18, 0))),
    /** Saturday 02:00: re-collect the week's incomplete days and plan the rebalance from the latest scores. */
    WEEKLY_REBALANCE("WeeklyRebalance", "WeeklyRebalanceWorkflow",
            BatchCalendarRule.weekly(DayOfWeek.SATURDAY, LocalTime.of(2, 0))),
    /** Last Saturday of the month 04:00: recalculate the month's factor values and quant scores. */
    MONTHLY_FACTOR("MonthlyFactor", "MonthlyFactorWorkflow",
            BatchCalendarRule.lastOfMonth(DayOfWeek.SATURDAY, LocalTime.of(4, 0)));

    private final String jobName;
    private final String workflowType;
    private final BatchCalendarRule rule;

    BatchJob(String jobName, String workflowType, BatchCalendarRule rule) {
        this.jobName = jobName;
        this.workflowType = workflowType;
        this.rule = rule;
    }

    /** When the job's schedule fires (Asia/Seoul). */
    public BatchCalendarRule rule() {
        return rule;
    }

    /** The workflow ID of the job's schedule. */
    public String scheduleId() {
        return "schedule-" + jobName;
    }

    /** The name in {@code batch_run.job_name} and on the command line ({@code aegis run DailyPreOpen}). */
    public String jobName() {
        return jobName;
    }

    public String workflowType() {
        return workflowType;
    }

    /** The workflow ID of this job's run for {@code date}, e.g. {@code batch-DailyPreOpen-2026-11-30}. */
    public String workflowId(LocalDate date) {
        return "batch-" + jobName + "-" + date;
    }

    /** Finds a job by its job name or workflow type, ignoring case. */
    public static Optional<BatchJob> find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (BatchJob job : values()) {
            if (job.jobName.toLowerCase(Locale.ROOT).equals(key)
                    || job.workflowType.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }
}
