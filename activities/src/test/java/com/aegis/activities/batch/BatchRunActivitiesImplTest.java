package com.aegis.activities.batch;

import static com.aegis.db.jooq.Tables.BATCH_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.batch.BatchOutcome;
import com.aegis.workflows.batch.RunClaim;
import com.aegis.workflows.batch.RunFinish;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the local stack's PostgreSQL; every test uses its own job name, so tests never see each other's runs. */
class BatchRunActivitiesImplTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Instant T0 = Instant.parse("2026-11-29T23:30:00Z");

    private static DSLContext dsl;
    private BatchRunActivitiesImpl runs;
    private BatchRunRepository repository;
    private String job;

    @BeforeAll
    static void migrate() {
        DataSource dataSource = LocalStack.sharedForTests().dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @BeforeEach
    void setUp() {
        runs = new BatchRunActivitiesImpl(dsl, Clock.fixed(T0, ZoneOffset.UTC));
        repository = new BatchRunRepository(dsl);
        job = "TestJob" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private String workflowId(LocalDate date) {
        return "batch-" + job + "-" + date;
    }

    @Test
    void aFirstClaimProceedsAndASucceededDateIsNotRunAgainUnlessForced() {
        String id = workflowId(DAY);
        assertThat(runs.claim(job, DAY, id, false)).isEqualTo(new RunClaim(true, null, 1));
        assertThat(repository.find(job, DAY)).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo("RUNNING");
            assertThat(row.finishedAt()).isNull();
            assertThat(row.startedAt()).isEqualTo(T0);
        });

        runs.finish(new RunFinish(job, DAY, id, BatchOutcome.SUCCEEDED, null, Map.of("screen", 120L, "quant", 480L),
                Map.of("screened", "183")));
        assertThat(repository.find(job, DAY)).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo("SUCCEEDED");
            assertThat(row.reason()).isNull();
            assertThat(row.stageMillis()).containsEntry("quant", 480L).containsEntry("screen", 120L);
            assertThat(row.summary()).containsEntry("screened", "183");
            assertThat(row.finishedAt()).isEqualTo(T0);
        });

        assertThat(runs.claim(job, DAY, id, false)).isEqualTo(new RunClaim(false, "SUCCEEDED", 1));
        assertThat(repository.find(job, DAY).orElseThrow().status()).isEqualTo("SUCCEEDED");

        RunClaim forced = runs.claim(job, DAY, id, true);
        assertThat(forced).isEqualTo(new RunClaim(true, "SUCCEEDED", 2));
        assertThat(repository.find(job, DAY)).get().satisfies(row -> {
            assertThat(row.status()).isEqualTo("RUNNING");
            assertThat(row.attempt()).isEqualTo(2);
            assertThat(row.forced()).isTrue();
            assertThat(row.stageMillis()).isEmpty();
        });
    }

    @Test
    void aDegradedDateIsNotRunAgainButAFailedOneIsWithTheAttemptCountingUp() {
        LocalDate degradedDay = DAY.minusDays(1);
        runs.claim(job, degradedDay, workflowId(degradedDay), false);
        runs.finish(new RunFinish(job, degradedDay, workflowId(degradedDay), BatchOutcome.DEGRADED,
                "AI disabled: quant-only scores", Map.of(), Map.of()));
        assertThat(runs.claim(job, degradedDay, workflowId(degradedDay), false))
                .isEqualTo(new RunClaim(false, "DEGRADED", 1));

        String id = workflowId(DAY);
        runs.claim(job, DAY, id, false);
        runs.finish(new RunFinish(job, DAY, id, BatchOutcome.FAILED, "ScoreQuant failed: no KOSPI closes", null, null));
        assertThat(repository.find(job, DAY).orElseThrow().reason()).isEqualTo("ScoreQuant failed: no KOSPI closes");
        assertThat(runs.claim(job, DAY, id, false)).isEqualTo(new RunClaim(true, "FAILED", 2));
        assertThat(repository.find(job, DAY).orElseThrow().reason()).isNull();
        runs.finish(new RunFinish(job, DAY, id, BatchOutcome.FAILED, "again", null, null));
        assertThat(runs.claim(job, DAY, id, false)).isEqualTo(new RunClaim(true, "FAILED", 3));
    }

    @Test
    void theSameRunClaimingAgainGetsTheSameAttempt() {
        String id = workflowId(DAY);
        assertThat(runs.claim(job, DAY, id, false)).isEqualTo(new RunClaim(true, null, 1));
        assertThat(runs.claim(job, DAY, id, false)).isEqualTo(new RunClaim(true, "RUNNING", 1));
        assertThat(runs.claim(job, DAY, id, true)).isEqualTo(new RunClaim(true, "RUNNING", 1));
        assertThat(repository.find(job, DAY).orElseThrow().attempt()).isEqualTo(1);

        RunClaim other = runs.claim(job, DAY, id + "-manual", false);
        assertThat(other).isEqualTo(new RunClaim(true, "RUNNING", 2));
        assertThat(repository.find(job, DAY).orElseThrow().workflowId()).isEqualTo(id + "-manual");
    }

    @Test
    void aSkippedDateIsRecordedWithoutAClaimAndMayRunLater() {
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        runs.finish(new RunFinish(job, saturday, workflowId(saturday), BatchOutcome.SKIPPED,
                "2026-11-28 is not a trading day (Saturday)", null, null));
        BatchRunRow row = repository.find(job, saturday).orElseThrow();
        assertThat(row.status()).isEqualTo("SKIPPED");
        assertThat(row.reason()).contains("not a trading day");
        assertThat(row.elapsedMillis()).isZero();
        assertThat(runs.claim(job, saturday, workflowId(saturday), false)).isEqualTo(new RunClaim(true, "SKIPPED", 2));
    }

    @Test
    void alreadySucceededLeavesTheRecordedRunAndAMissingReasonIsRejected() {
        String id = workflowId(DAY);
        runs.claim(job, DAY, id, false);
        runs.finish(new RunFinish(job, DAY, id, BatchOutcome.SUCCEEDED, null, null, null));
        runs.finish(new RunFinish(job, DAY, id, BatchOutcome.ALREADY_SUCCEEDED, "already done", null, null));
        assertThat(repository.find(job, DAY).orElseThrow().status()).isEqualTo("SUCCEEDED");

        assertThatThrownBy(() -> runs.finish(new RunFinish(job, DAY, id, BatchOutcome.FAILED, " ", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> runs.claim("bad name", DAY, id, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job name");
    }

    @Test
    void theRepositoryListsRunsNewestFirstAndTheLatestOfEveryJob() {
        for (int d = 0; d < 3; d++) {
            LocalDate date = DAY.minusDays(d);
            runs.claim(job, date, workflowId(date), false);
            runs.finish(new RunFinish(job, date, workflowId(date), d == 1 ? BatchOutcome.FAILED
                    : BatchOutcome.SUCCEEDED, d == 1 ? "stage failed" : null, null, null));
        }
        assertThat(repository.runs(job, DAY.minusDays(2), DAY)).extracting(BatchRunRow::date)
                .containsExactly(DAY, DAY.minusDays(1), DAY.minusDays(2));
        assertThat(repository.recent(job, 2)).extracting(BatchRunRow::status).containsExactly("SUCCEEDED", "FAILED");
        assertThat(repository.latest(job)).get().extracting(BatchRunRow::date).isEqualTo(DAY);
        assertThat(repository.latestByJob()).containsKey(job);
        assertThat(repository.latestByJob().get(job).date()).isEqualTo(DAY);
        assertThat(repository.withStatus("FAILED", DAY.minusDays(2))).extracting(BatchRunRow::job).contains(job);
    }

    @Test
    void theScheduledJobsNamesAndWorkflowIdsAreAccepted() {
        BatchJob preOpen = BatchJob.DAILY_PRE_OPEN;
        // A date long before any data, so no other run of the real job is touched.
        LocalDate date = LocalDate.of(2000, 1, 3);
        try {
            assertThat(runs.claim(preOpen.jobName(), date, preOpen.workflowId(date), false))
                    .isEqualTo(new RunClaim(true, null, 1));
            assertThat(repository.find(preOpen.jobName(), date).orElseThrow().workflowId())
                    .isEqualTo("batch-DailyPreOpen-2000-01-03");
        } finally {
            dsl.deleteFrom(BATCH_RUN)
                    .where(BATCH_RUN.JOB_NAME.eq(preOpen.jobName()), BATCH_RUN.RUN_DATE.eq(date))
                    .execute();
        }
    }
}
