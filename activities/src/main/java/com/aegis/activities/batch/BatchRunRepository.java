package com.aegis.activities.batch;

import static com.aegis.db.jooq.Tables.BATCH_RUN;

import com.aegis.db.jooq.tables.records.BatchRunRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Read side of {@code batch_run} for the command line and dashboards. */
public final class BatchRunRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;

    public BatchRunRepository(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The run of {@code job} for {@code date}, if any. */
    public Optional<BatchRunRow> find(String job, LocalDate date) {
        return db.selectFrom(BATCH_RUN)
                .where(BATCH_RUN.JOB_NAME.eq(job), BATCH_RUN.RUN_DATE.eq(date))
                .fetchOptional()
                .map(BatchRunRepository::toRow);
    }

    /** Runs of {@code job} for dates in {@code [from, to]}, newest date first. */
    public List<BatchRunRow> runs(String job, LocalDate from, LocalDate to) {
        return db.selectFrom(BATCH_RUN)
                .where(BATCH_RUN.JOB_NAME.eq(job), BATCH_RUN.RUN_DATE.between(from, to))
                .orderBy(BATCH_RUN.RUN_DATE.desc())
                .fetch(BatchRunRepository::toRow);
    }

    /** The {@code limit} most recent runs of {@code job}, newest date first. */
    public List<BatchRunRow> recent(String job, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        return db.selectFrom(BATCH_RUN)
                .where(BATCH_RUN.JOB_NAME.eq(job))
                .orderBy(BATCH_RUN.RUN_DATE.desc())
                .limit(limit)
                .fetch(BatchRunRepository::toRow);
    }

    /** The run of {@code job} for its newest date. */
    public Optional<BatchRunRow> latest(String job) {
        return recent(job, 1).stream().findFirst();
    }

    /** The newest run of every job, by job name in alphabetical order. */
    public Map<String, BatchRunRow> latestByJob() {
        Map<String, BatchRunRow> out = new LinkedHashMap<>();
        db.select(BATCH_RUN.asterisk())
                .distinctOn(BATCH_RUN.JOB_NAME)
                .from(BATCH_RUN)
                .orderBy(BATCH_RUN.JOB_NAME, BATCH_RUN.RUN_DATE.desc())
                .fetchInto(BATCH_RUN)
                .forEach(r -> out.put(r.getJobName(), toRow(r)));
        return out;
    }

    /** Runs with {@code status} (e.g. FAILED) on or after {@code since}, newest first, every job. */
    public List<BatchRunRow> withStatus(String status, LocalDate since) {
        return db.selectFrom(BATCH_RUN)
                .where(BATCH_RUN.STATUS.eq(status), BATCH_RUN.RUN_DATE.ge(since))
                .orderBy(BATCH_RUN.RUN_DATE.desc(), BATCH_RUN.JOB_NAME)
                .fetch(BatchRunRepository::toRow);
    }

    private static BatchRunRow toRow(BatchRunRecord r) {
        OffsetDateTime finished = r.getFinishedAt();
        return new BatchRunRow(r.getJobName(), r.getRunDate(), r.getStatus(), r.getReason(), r.getWorkflowId(),
                r.getAttempt(), r.getForced(), map(r.getStageMillis(), new TypeReference<Map<String, Long>>() { }),
                map(r.getSummary(), new TypeReference<Map<String, String>>() { }), r.getStartedAt().toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static <T> Map<String, T> map(JSONB json, TypeReference<Map<String, T>> type) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, T> value = JSON.readValue(json.data(), type);
            value.values().removeIf(Objects::isNull);
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch_run holds malformed JSON: " + json.data(), e);
        }
    }
}
