package com.aegis.workflows.batch;

import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.RebalancePlan;
import com.aegis.workflows.scoring.ScoringActivities;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Saturday 02:00 KST: tidies every session of the week ending on the run date (a bar for every listed stock on each)
 * and plans the rebalance from the newest scores of that week: the strongest BUYs, equal weights capped at the
 * per-position limit. A week without a session is skipped with the reason.
 */
public class WeeklyRebalanceWorkflowImpl implements WeeklyRebalanceWorkflow {

    public static final int MAX_POSITIONS = 20;
    /** E2: position size at most 10% of equity. */
    public static final double MAX_WEIGHT = 0.10;
    /** Scores older than the week are not rebalanced on. */
    public static final int SCORES_MAX_AGE_HOURS = 7 * 24;

    private final CollectionActivities collection = BatchStubs.collection();
    private final ScoringActivities scoring = BatchStubs.scoring();

    @Override
    public BatchReport run(BatchRequest request) {
        BatchRun run = new BatchRun(BatchJob.WEEKLY_REBALANCE, request);
        LocalDate date = request.date();
        List<LocalDate> sessions = run.calendar().tradingDays(date.minusDays(6), date);
        return run.begin(() -> sessions.isEmpty()
                ? Optional.of("no trading session in the week " + date.minusDays(6) + ".." + date)
                : Optional.empty()).orElseGet(() -> run.guarded(() -> {
            String batchId = Workflow.getInfo().getWorkflowId();
            int filled = 0;
            for (LocalDate session : sessions) {
                filled += run.collect("tidy", () -> collection.tidyDailyMarket(new CollectionRequest(session, batchId)))
                        .stored();
            }
            run.summarise("sessions", sessions.size());
            run.summarise("filled", filled);
            LastGoodScores latest = run.stage("latest-scores",
                    () -> scoring.lastGoodScores(date, SCORES_MAX_AGE_HOURS));
            if (!latest.found()) {
                run.degrade("no scores of the week to rebalance on; no targets planned");
                return run.complete(null);
            }
            RebalancePlan plan = run.stage("plan",
                    () -> scoring.planRebalance(date, latest.scoresDate(), MAX_POSITIONS, MAX_WEIGHT));
            run.summarise("targets", plan.targets().size());
            run.note("rebalance on the scores of " + plan.scoresDate() + ": " + plan.targets().size() + " targets");
            return run.complete(null);
        }));
    }
}
