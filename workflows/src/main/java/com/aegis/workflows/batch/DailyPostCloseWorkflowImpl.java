package com.aegis.workflows.batch;

/**
 * 18:00 KST: the day's daily bars and index bars, then the tidy pass (a bar for every listed stock), the day's
 * disclosures and statements, and the global indicators. Any source's fallback makes the run DEGRADED with the reason.
 */
public class DailyPostCloseWorkflowImpl implements DailyPostCloseWorkflow {

    private final CollectionActivities collection = BatchStubs.collection();

    @Override
    public BatchReport run(BatchRequest request) {
        BatchRun run = new BatchRun(BatchJob.DAILY_POST_CLOSE, request);
        return run.begin(run::notATradingDay).orElseGet(() -> run.guarded(() -> {
            String batchId = io.temporal.workflow.Workflow.getInfo().getWorkflowId();
            CollectionRequest today = new CollectionRequest(request.date(), batchId);
            CollectionReport market = run.collect("market", () -> collection.collectDailyMarket(today));
            CollectionReport tidy = run.collect("tidy", () -> collection.tidyDailyMarket(today));
            CollectionReport disclosures = run.collect("disclosures", () -> collection.collectDisclosures(today));
            CollectionReport globals = run.collect("globals", () -> collection.collectGlobalIndicators(today));
            run.summarise("bars", market.stored());
            run.summarise("filled", tidy.stored());
            run.summarise("quarantined", market.quarantined() + disclosures.quarantined() + globals.quarantined());
            run.summarise("disclosures", disclosures.stored());
            return run.complete(null);
        }));
    }
}
