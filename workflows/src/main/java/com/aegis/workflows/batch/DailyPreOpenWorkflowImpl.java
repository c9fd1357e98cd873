package com.aegis.workflows.batch;

import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.PipelineReport;
import com.aegis.workflows.scoring.PipelineRequest;
import com.aegis.workflows.scoring.ScoringActivities;
import com.aegis.workflows.scoring.ScoringPipelineWorkflow;
import com.aegis.workflows.scoring.ScoringPipelineWorkflowImpl;
import com.aegis.workflows.scoring.WatchlistPublication;
import com.aegis.workflows.scoring.WatchlistRequest;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;

/**
 * 08:30 KST on a trading day: re-collects and tidies the previous session (whatever the 18:00 run missed), runs the
 * scoring pipeline for the day as a child workflow, and publishes the watchlist. When the pipeline fails, the last
 * good scores of at most {@value #STALE_LIMIT_HOURS} hours are published marked stale and the run is DEGRADED (I2);
 * with none that recent, the run fails.
 */
public class DailyPreOpenWorkflowImpl implements DailyPreOpenWorkflow {

    /** I2: the oldest scores that may stand in for a failed pipeline. */
    public static final int STALE_LIMIT_HOURS = 24;
    /** Stocks listed in the watchlist besides every BUY and SELL. */
    public static final int WATCHLIST_SIZE = 40;
    /** Best scores listed in the report. */
    public static final int REPORT_TOP = 10;

    /** Candidates left out that the report names one by one. */
    static final int SKIPPED_NOTES = 5;
    /** The version marker of the stage that sends the recommendations to the trading control. */
    static final String ORDER_PLANNING_CHANGE = "pre-open-order-planning";

    private final CollectionActivities collection = BatchStubs.collection();
    private final OrderPlanningActivities planning = BatchStubs.planning();
    private final ScoringActivities scoring = BatchStubs.scoring();

    @Override
    public BatchReport run(BatchRequest request) {
        BatchRun run = new BatchRun(BatchJob.DAILY_PRE_OPEN, request);
        return run.begin(run::notATradingDay).orElseGet(() -> run.guarded(() -> {
            String batchId = Workflow.getInfo().getWorkflowId();
            LocalDate previous = run.calendar().previousTradingDay(request.date());
            CollectionRequest previousSession = new CollectionRequest(previous, batchId);
            try {
                run.collect("tidy", () -> collection.tidyDailyMarket(previousSession));
            } catch (ActivityFailure failure) {
                run.degrade("tidying " + previous + " failed (" + ScoringPipelineWorkflowImpl.rootMessage(failure)
                        + "); scored on the data already stored");
            }
            PipelineReport pipeline = null;
            LocalDate scoresDate = request.date();
            String staleReason = null;
            try {
                ScoringPipelineWorkflow child = Workflow.newChildWorkflowStub(ScoringPipelineWorkflow.class,
                        ChildWorkflowOptions.newBuilder()
                                .setWorkflowId("scoring-" + request.date() + "-" + Workflow.randomUUID())
                                .setTaskQueue(TaskQueues.BATCH)
                                .setWorkflowIdReusePolicy(
                                        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                                .build());
                pipeline = run.stage("pipeline",
                        () -> child.run(new PipelineRequest(request.date(), request.aiEnabled(), REPORT_TOP)));
                if (pipeline.result().degraded() > 0) {
                    run.degrade(pipeline.result().degradedReason());
                }
                run.summarise("screened", pipeline.screening().passed().size());
                run.summarise("scored", pipeline.result().scored());
                run.summarise("buy", pipeline.result().buy());
                run.summarise("sell", pipeline.result().sell());
                run.summarise("regime", pipeline.quant().regime());
            } catch (ChildWorkflowFailure failure) {
                String why = ScoringPipelineWorkflowImpl.rootMessage(failure);
                LastGoodScores lastGood = run.stage("last-good",
                        () -> scoring.lastGoodScores(request.date(), STALE_LIMIT_HOURS));
                if (!lastGood.found()) {
                    throw run.fail("pipeline", failure);
                }
                scoresDate = lastGood.scoresDate();
                staleReason = "scoring pipeline failed (" + why + "); serving the last good scores of " + scoresDate
                        + " computed " + lastGood.ageMinutes() + " min ago";
                run.degrade(staleReason);
            }
            LocalDate watchlistScores = scoresDate;
            String reason = staleReason;
            WatchlistPublication published = run.stage("watchlist", () -> scoring.publishWatchlist(
                    new WatchlistRequest(request.date(), watchlistScores, reason != null, reason, WATCHLIST_SIZE)));
            run.summarise("watchlist", published.symbols());
            run.note("watchlist of " + published.symbols() + " stocks" + (published.stale() ? " (STALE)" : "")
                    + " at " + published.topic() + "/" + published.partition() + "@" + published.offset());
            if (Workflow.getVersion(ORDER_PLANNING_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
                planOrders(run, request.date(), watchlistScores, reason != null);
            }
            return run.complete(pipeline);
        }));
    }

    /**
     * The recommendations become decisions for the day's trading control (E1). A failure here degrades the run: the
     * scores and the watchlist stand, and orders can still be decided by hand.
     */
    private void planOrders(BatchRun run, LocalDate date, LocalDate scoresDate, boolean stale) {
        try {
            OrderPlanningActivities.PlanReport plan = run.stage("orders",
                    () -> planning.planOrders(new OrderPlanningActivities.PlanRequest(date, scoresDate, stale)));
            run.summarise("order-buys", plan.buys());
            run.summarise("order-sells", plan.sells());
            plan.decisions().forEach(d -> run.note("decision " + d));
            plan.skipped().stream().limit(SKIPPED_NOTES).forEach(s -> run.note("not ordered: " + s));
            if (plan.skipped().size() > SKIPPED_NOTES) {
                run.note("not ordered: " + (plan.skipped().size() - SKIPPED_NOTES) + " more candidates");
            }
        } catch (ActivityFailure failure) {
            run.degrade("order planning failed (" + ScoringPipelineWorkflowImpl.rootMessage(failure)
                    + "); no pre-open orders were sent");
        }
    }
}
