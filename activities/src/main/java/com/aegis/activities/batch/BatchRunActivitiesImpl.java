package com.aegis.activities.batch;

import static com.aegis.db.jooq.Tables.BATCH_RUN;

import com.aegis.db.jooq.tables.records.BatchRunRecord;
import com.aegis.workflows.batch.BatchOutcome;
import com.aegis.workflows.batch.BatchRunActivities;
import com.aegis.workflows.batch.RunClaim;
import com.aegis.workflows.batch.RunFinish;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code batch_run} bookkeeping. A claim runs in one transaction with the row locked, so two workers claiming the same
 * job and date at once see each other: the first inserts the RUNNING row, the second finds it.
 * <ul>
 *   <li>no row yet: proceed, attempt 1;</li>
 *   <li>RUNNING under the same workflow ID: the same run asking again (an activity retry): proceed, same attempt;</li>
 *   <li>SUCCEEDED or DEGRADED and not forced: do not proceed, the row is left as it is;</li>
 *   <li>otherwise (FAILED, SKIPPED, forced, or RUNNING under another workflow ID): proceed, attempt + 1, the row is
 *       reset to RUNNING for the new attempt.</li>
 * </ul>
 */
public final class BatchRunActivitiesImpl implements BatchRunActivities {

    private static final Logger log = LoggerFactory.getLogger(BatchRunActivitiesImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JSONB EMPTY = JSONB.valueOf("{}");

    private final DSLContext db;
    private final Clock clock;

    public BatchRunActivitiesImpl(DSLContext db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RunClaim claim(String job, LocalDate date, String workflowId, boolean force) {
        requireJob(job);
        Objects.requireNonNull(date, "date");
        if (workflowId == null || workflowId.isBlank()) {
            throw new IllegalArgumentException("a batch run claim needs the workflow ID of the run");
        }
        OffsetDateTime now = now();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int inserted = t.insertInto(BATCH_RUN)
                    .set(BATCH_RUN.JOB_NAME, job)
                    .set(BATCH_RUN.RUN_DATE, date)
                    .set(BATCH_RUN.STATUS, "RUNNING")
                    .set(BATCH_RUN.WORKFLOW_ID, workflowId)
                    .set(BATCH_RUN.ATTEMPT, 1)
                    .set(BATCH_RUN.FORCED, force)
                    .set(BATCH_RUN.STARTED_AT, now)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1) {
                return new RunClaim(true, null, 1);
            }
            BatchRunRecord row = t.selectFrom(BATCH_RUN)
                    .where(BATCH_RUN.JOB_NAME.eq(job), BATCH_RUN.RUN_DATE.eq(date))
                    .forUpdate()
                    .fetchSingle();
            String previous = row.getStatus();
            if ("RUNNING".equals(previous) && workflowId.equals(row.getWorkflowId())) {
                return new RunClaim(true, previous, row.getAttempt());
            }
            if (!force && ("SUCCEEDED".equals(previous) || "DEGRADED".equals(previous))) {
                return new RunClaim(false, previous, row.getAttempt());
            }
            if ("RUNNING".equals(previous)) {
                log.warn("{} for {} is still RUNNING under {}; {} takes it over", job, date, row.getWorkflowId(),
                        workflowId);
            }
            int attempt = row.getAttempt() + 1;
            t.update(BATCH_RUN)
                    .set(BATCH_RUN.STATUS, "RUNNING")
                    .set(BATCH_RUN.REASON, (String) null)
                    .set(BATCH_RUN.WORKFLOW_ID, workflowId)
                    .set(BATCH_RUN.ATTEMPT, attempt)
                    .set(BATCH_RUN.FORCED, force)
                    .set(BATCH_RUN.STAGE_MILLIS, EMPTY)
                    .set(BATCH_RUN.SUMMARY, EMPTY)
                    .set(BATCH_RUN.STARTED_AT, now)
                    .set(BATCH_RUN.FINISHED_AT, (OffsetDateTime) null)
                    .where(BATCH_RUN.JOB_NAME.eq(job), BATCH_RUN.RUN_DATE.eq(date))
                    .execute();
            return new RunClaim(true, previous, attempt);
        });
    }

    /**
     * Writes the outcome. SKIPPED (and any other outcome) without an earlier claim inserts the row. ALREADY_SUCCEEDED
     * means nothing ran, so the recorded run is left untouched.
     */
    @Override
    public void finish(RunFinish finish) {
        Objects.requireNonNull(finish, "finish");
        requireJob(finish.job());
        if (finish.outcome() == BatchOutcome.ALREADY_SUCCEEDED) {
            return;
        }
        if (finish.outcome() != BatchOutcome.SUCCEEDED && (finish.reason() == null || finish.reason().isBlank())) {
            throw new IllegalArgumentException("a " + finish.outcome() + " run of " + finish.job() + " for "
                    + finish.date() + " must record a reason");
        }
        if (finish.workflowId() == null || finish.workflowId().isBlank()) {
            throw new IllegalArgumentException("the end of a run of " + finish.job() + " for " + finish.date()
                    + " needs its workflow ID");
        }
        OffsetDateTime now = now();
        String reason = finish.outcome() == BatchOutcome.SUCCEEDED ? null : finish.reason();
        JSONB stages = json(finish.stageMillis());
        JSONB summary = json(finish.summary());
        db.insertInto(BATCH_RUN)
                .set(BATCH_RUN.JOB_NAME, finish.job())
                .set(BATCH_RUN.RUN_DATE, finish.date())
                .set(BATCH_RUN.STATUS, finish.outcome().name())
                .set(BATCH_RUN.REASON, reason)
                .set(BATCH_RUN.WORKFLOW_ID, finish.workflowId())
                .set(BATCH_RUN.ATTEMPT, 1)
                .set(BATCH_RUN.STAGE_MILLIS, stages)
                .set(BATCH_RUN.SUMMARY, summary)
                .set(BATCH_RUN.STARTED_AT, now)
                .set(BATCH_RUN.FINISHED_AT, now)
                .onConflict(BATCH_RUN.JOB_NAME, BATCH_RUN.RUN_DATE)
                .doUpdate()
                .set(BATCH_RUN.STATUS, finish.outcome().name())
                .set(BATCH_RUN.REASON, reason)
                .set(BATCH_RUN.WORKFLOW_ID, finish.workflowId())
                .set(BATCH_RUN.STAGE_MILLIS, stages)
                .set(BATCH_RUN.SUMMARY, summary)
                .set(BATCH_RUN.FINISHED_AT, now)
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void requireJob(String job) {
        if (job == null || !job.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("job name must be letters and digits starting with a letter, got "
                    + job);
        }
    }

    private static JSONB json(Object value) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }
}
