package com.aegis.workflows.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.schedule.BatchScheduleWorkflowImpl;
import com.aegis.workflows.schedule.BatchSchedules;
import com.aegis.workflows.schedule.ScheduleActivitiesImpl;
import com.aegis.workflows.schedule.ScheduleSpec;
import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.ScoringPipelineWorkflowImpl;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch jobs, the scoring pipeline and the schedules on the Temporal test server with time skipping. */
class BatchWorkflowsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Class<?>[] WORKFLOWS = {DailyPreOpenWorkflowImpl.class, DailyPostCloseWorkflowImpl.class,
        WeeklyRebalanceWorkflowImpl.class, MonthlyFactorWorkflowImpl.class, ScoringPipelineWorkflowImpl.class,
        BatchScheduleWorkflowImpl.class};

    private TestWorkflowEnvironment env;
    private final InMemoryBatchWorld world = new InMemoryBatchWorld();

    private void start(LocalDateTime kst, boolean aiWorker) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTime(kst.atZone(SEOUL).toInstant()).build());
        Worker batch = env.newWorker(TaskQueues.BATCH);
        batch.registerWorkflowImplementationTypes(WORKFLOWS);
        batch.registerActivitiesImplementations(world, new ScheduleActivitiesImpl(env.getWorkflowClient()));
        if (aiWorker) {
            env.newWorker(TaskQueues.AI).registerActivitiesImplementations(world);
        }
        env.newWorker(TaskQueues.ORDERS).registerActivitiesImplementations((OrderPlanningActivities) world);
        env.start();
    }

    @AfterEach
    void close() {
        if (env != null) {
            env.close();
        }
    }

    private BatchReport preOpen(LocalDate date, boolean force, boolean ai) {
        WorkflowClient client = env.getWorkflowClient();
        DailyPreOpenWorkflow workflow = client.newWorkflowStub(DailyPreOpenWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BATCH).setWorkflowId(BatchJob.DAILY_PRE_OPEN.workflowId(date)).build());
        return workflow.run(new BatchRequest(date, force, ai));
    }

    @Test
    void aWeekOfSchedulesRunsEveryTradingDayAndRecordsWhyTheHolidaysWereSkipped() {
        // Monday 2026-10-05 is the substitute holiday of National Foundation Day, Friday 10-09 is Hangul Day.
        start(LocalDateTime.of(2026, 10, 5, 0, 0), true);
        world.lastGood = new LastGoodScores(true, LocalDate.of(2026, 10, 8), "2026-10-07T23:35:00Z", 60, 5);
        List<ScheduleSpec> specs = java.util.Arrays.stream(BatchJob.values())
                .map(job -> new ScheduleSpec(job, false, false)).toList();
        assertThat(BatchSchedules.ensure(env.getWorkflowClient(), specs))
                .allSatisfy(e -> assertThat(e.action()).startsWith("created"));
        // Idempotent: ensuring again at worker restart changes nothing; a changed spec is applied.
        assertThat(BatchSchedules.ensure(env.getWorkflowClient(), specs))
                .allSatisfy(e -> assertThat(e.action()).isEqualTo("unchanged"));
        assertThat(BatchSchedules.ensure(env.getWorkflowClient(), new ScheduleSpec(BatchJob.MONTHLY_FACTOR, true, false))
                .action()).isEqualTo("updated");

        env.sleep(Duration.ofDays(7).plusHours(1));

        for (int day = 5; day <= 11; day++) {
            LocalDate date = LocalDate.of(2026, 10, day);
            InMemoryBatchWorld.Run pre = world.run(BatchJob.DAILY_PRE_OPEN, date);
            InMemoryBatchWorld.Run post = world.run(BatchJob.DAILY_POST_CLOSE, date);
            assertThat(pre).as("pre-open run of %s", date).isNotNull();
            assertThat(post).as("post-close run of %s", date).isNotNull();
            boolean trading = day >= 6 && day <= 8;
            assertThat(pre.status()).as("pre-open %s", date).isEqualTo(trading ? "DEGRADED" : "SKIPPED");
            assertThat(post.status()).as("post-close %s", date).isEqualTo(trading ? "SUCCEEDED" : "SKIPPED");
            if (trading) {
                assertThat(pre.reason()).isEqualTo(ScoringPipelineWorkflowImpl.AI_DISABLED_REASON);
            }
        }
        assertThat(world.run(BatchJob.DAILY_PRE_OPEN, LocalDate.of(2026, 10, 5)).reason())
                .isEqualTo("2026-10-05 is not a trading day (Substitute holiday (National Foundation Day))");
        assertThat(world.run(BatchJob.DAILY_PRE_OPEN, LocalDate.of(2026, 10, 9)).reason()).contains("Hangul Day");
        // Pre-open of the 6th tidied the previous session, which is Friday 10-02 across the long weekend.
        assertThat(world.callsOf("TIDY 2026-10-02")).hasSize(1);
        assertThat(world.callsOf("SCREEN")).containsExactly("SCREEN 2026-10-06", "SCREEN 2026-10-07",
                "SCREEN 2026-10-08");
        // Saturday 02:00: the week's three sessions tidied, the rebalance planned; the monthly job waits for 10-31.
        assertThat(world.run(BatchJob.WEEKLY_REBALANCE, LocalDate.of(2026, 10, 10)).status()).isEqualTo("SUCCEEDED");
        assertThat(world.callsOf("REBALANCE")).hasSize(1);
        assertThat(world.runs.keySet()).noneMatch(k -> k.startsWith("MonthlyFactor"));
        assertThat(BatchSchedules.state(env.getWorkflowClient(), BatchJob.DAILY_PRE_OPEN)).hasValueSatisfying(s -> {
            assertThat(s.fired()).isEqualTo(7);
            assertThat(s.lastRunDate()).isEqualTo(LocalDate.of(2026, 10, 11));
            assertThat(s.nextFire()).isEqualTo("2026-10-11T23:30:00Z");
        });
    }

    @Test
    void withoutAiThePipelineScoresQuantOnlyAndRecordsWhy() {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        BatchReport report = preOpen(LocalDate.of(2026, 11, 30), false, false);
        assertThat(report.outcome()).isEqualTo(BatchOutcome.DEGRADED);
        assertThat(report.reason()).isEqualTo(ScoringPipelineWorkflowImpl.AI_DISABLED_REASON);
        assertThat(world.finals).singleElement().satisfies(f -> {
            assertThat(f.degradedReason()).isEqualTo(ScoringPipelineWorkflowImpl.AI_DISABLED_REASON);
            assertThat(f.aiScores()).isEmpty();
        });
        assertThat(world.callsOf("AI")).isEmpty();
        assertThat(report.pipeline().stageMillis()).containsKeys("screen", "quant", "ai", "final");
        assertThat(report.stageMillis()).containsKeys("tidy", "pipeline", "watchlist", "orders");
        assertThat(world.watchlists).singleElement().satisfies(w -> assertThat(w.stale()).isFalse());
        // The recommendations went to the day's trading control as decisions.
        assertThat(world.plans).singleElement().satisfies(p -> {
            assertThat(p.date()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(p.stale()).isFalse();
        });
        assertThat(report.notes()).contains("decision BUY 10 005930 @ 70000 (score 81.0, signal 1)");
    }

    @Test
    void withAiTheFinalStageBlendsTheEnsembleScores() {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        BatchReport report = preOpen(LocalDate.of(2026, 11, 30), false, true);
        assertThat(report.outcome()).isEqualTo(BatchOutcome.SUCCEEDED);
        assertThat(report.reason()).isNull();
        assertThat(report.pipeline().aiModelVersion()).isEqualTo("ensemble-2026.11");
        assertThat(world.finals).singleElement().satisfies(f -> {
            assertThat(f.degradedReason()).isNull();
            assertThat(f.aiScores()).hasSize(5);
        });
        assertThat(world.run(BatchJob.DAILY_PRE_OPEN, LocalDate.of(2026, 11, 30)).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailingAiStageDegradesInsteadOfFailing() {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        world.aiFails = true;
        BatchReport report = preOpen(LocalDate.of(2026, 11, 30), false, true);
        assertThat(report.outcome()).isEqualTo(BatchOutcome.DEGRADED);
        assertThat(report.reason()).startsWith("AI stage failed (CUDA out of memory on the GPU worker)");
        assertThat(world.callsOf("AI")).hasSize(2);
    }

    @Test
    void aDateThatSucceededIsANoOpUnlessForced() {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        LocalDate date = LocalDate.of(2026, 11, 30);
        preOpen(date, false, true);
        int callsAfterFirst = world.calls.size();
        BatchReport again = preOpen(date, false, true);
        assertThat(again.outcome()).isEqualTo(BatchOutcome.ALREADY_SUCCEEDED);
        assertThat(again.reason()).contains("already SUCCEEDED").contains("force");
        assertThat(world.calls).hasSize(callsAfterFirst);
        BatchReport forced = preOpen(date, true, true);
        assertThat(forced.outcome()).isEqualTo(BatchOutcome.SUCCEEDED);
        assertThat(forced.notes()).anyMatch(n -> n.contains("attempt 2"));
        assertThat(world.callsOf("SCREEN")).hasSize(2);
    }

    @Test
    void aFlakyStageIsRetriedAndTheRunSucceeds() {
        start(LocalDateTime.of(2026, 11, 30, 18, 0), true);
        world.tidyFailures.set(2);
        WorkflowClient client = env.getWorkflowClient();
        DailyPostCloseWorkflow workflow = client.newWorkflowStub(DailyPostCloseWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BATCH)
                        .setWorkflowId(BatchJob.DAILY_POST_CLOSE.workflowId(LocalDate.of(2026, 11, 30))).build());
        BatchReport report = workflow.run(new BatchRequest(LocalDate.of(2026, 11, 30), false, false));
        assertThat(report.outcome()).isEqualTo(BatchOutcome.SUCCEEDED);
        assertThat(world.callsOf("TIDY-FAILED")).hasSize(2);
        assertThat(report.collections()).extracting(CollectionReport::dataset)
                .containsExactly("DAILY_PRICE", "TIDY", "DISCLOSURE", "GLOBAL_INDICATOR");
    }

    @Test
    void aStageFailingAfterItsRetriesFailsTheRunAndRecordsWhy() {
        start(LocalDateTime.of(2026, 11, 30, 18, 0), true);
        world.tidyFailures.set(3);
        WorkflowClient client = env.getWorkflowClient();
        DailyPostCloseWorkflow workflow = client.newWorkflowStub(DailyPostCloseWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BATCH)
                        .setWorkflowId(BatchJob.DAILY_POST_CLOSE.workflowId(LocalDate.of(2026, 11, 30))).build());
        assertThatThrownBy(() -> workflow.run(new BatchRequest(LocalDate.of(2026, 11, 30), false, false)))
                .isInstanceOf(WorkflowFailedException.class);
        InMemoryBatchWorld.Run run = world.run(BatchJob.DAILY_POST_CLOSE, LocalDate.of(2026, 11, 30));
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.reason()).isEqualTo("tidy failed: connection to PostgreSQL reset while tidying 2026-11-30");
    }

    @Test
    void aFailedPipelineServesTheLastGoodScoresMarkedStale() {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        world.screenFails = true;
        world.lastGood = new LastGoodScores(true, LocalDate.of(2026, 11, 27), "2026-11-29T23:35:00Z", 20 * 60, 180);
        BatchReport report = preOpen(LocalDate.of(2026, 11, 30), false, true);
        assertThat(report.outcome()).isEqualTo(BatchOutcome.DEGRADED);
        assertThat(report.reason()).contains("daily_bar of the previous session is missing")
                .contains("last good scores of 2026-11-27");
        assertThat(world.watchlists).singleElement().satisfies(w -> {
            assertThat(w.stale()).isTrue();
            assertThat(w.scoresDate()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(w.date()).isEqualTo(LocalDate.of(2026, 11, 30));
        });
        // Stale scores are published for the realtime path but place no new orders.
        assertThat(world.plans).singleElement().satisfies(p -> assertThat(p.stale()).isTrue());
    }

    @Test
    void aFailedPipelineWithNoRecentScoresFailsTheRun() {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        world.screenFails = true;
        assertThatThrownBy(() -> preOpen(LocalDate.of(2026, 11, 30), false, true))
                .isInstanceOf(WorkflowFailedException.class);
        assertThat(world.run(BatchJob.DAILY_PRE_OPEN, LocalDate.of(2026, 11, 30)).reason())
                .startsWith("pipeline failed: daily_bar of the previous session is missing");
        assertThat(world.watchlists).isEmpty();
    }

    @Test
    void monthlyRecalculationReblendsWithTheStoredAiPart() {
        start(LocalDateTime.of(2026, 11, 28, 4, 0), true);
        WorkflowClient client = env.getWorkflowClient();
        MonthlyFactorWorkflow workflow = client.newWorkflowStub(MonthlyFactorWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BATCH)
                .setWorkflowId(BatchJob.MONTHLY_FACTOR.workflowId(LocalDate.of(2026, 11, 28))).build());
        BatchReport report = workflow.run(new BatchRequest(LocalDate.of(2026, 11, 28), false, false));
        assertThat(report.outcome()).isEqualTo(BatchOutcome.SUCCEEDED);
        // November 2026 sessions up to the 28th with an even day were "screened" by the in-memory world.
        long evenSessions = com.aegis.core.krx.KrxCalendar.standard()
                .tradingDays(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28)).stream()
                .filter(d -> d.getDayOfMonth() % 2 == 0).count();
        assertThat(world.callsOf("QUANT")).hasSize((int) evenSessions);
        assertThat(world.finals).allSatisfy(f -> assertThat(f.reuseStoredAi()).isTrue());
    }

    @Test
    void aRecordedRunReplaysDeterministically() throws Exception {
        start(LocalDateTime.of(2026, 11, 30, 8, 30), true);
        world.aiFails = true;
        preOpen(LocalDate.of(2026, 11, 30), false, true);
        String id = BatchJob.DAILY_PRE_OPEN.workflowId(LocalDate.of(2026, 11, 30));
        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(id);
        WorkflowReplayer.replayWorkflowExecution(history, DailyPreOpenWorkflowImpl.class);
        WorkflowExecution execution = history.getWorkflowExecution();
        assertThat(execution.getWorkflowId()).isEqualTo(id);
    }
}
