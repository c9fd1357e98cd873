package com.aegis.workflows.batch;

import com.aegis.workflows.scoring.AiScoreRequest;
import com.aegis.workflows.scoring.AiScores;
import com.aegis.workflows.scoring.AiScoringActivities;
import com.aegis.workflows.scoring.FinalRequest;
import com.aegis.workflows.scoring.FinalSummary;
import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.QuantRequest;
import com.aegis.workflows.scoring.QuantSummary;
import com.aegis.workflows.scoring.RebalancePlan;
import com.aegis.workflows.scoring.ScoreLine;
import com.aegis.workflows.scoring.ScoringActivities;
import com.aegis.workflows.scoring.ScreeningSummary;
import com.aegis.workflows.scoring.WatchlistPublication;
import com.aegis.workflows.scoring.WatchlistRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The activities of the batch workflows over in-memory state, for workflow tests with time skipping: batch_run with
 * the claim rules, a five-stock universe, scripted failures. The activities against PostgreSQL, Redis and Kafka are
 * tested in the activities and workers modules.
 */
final class InMemoryBatchWorld implements BatchRunActivities, CollectionActivities, ScoringActivities,
        AiScoringActivities, OrderPlanningActivities {

    record Run(String job, LocalDate date, String status, String reason, String workflowId, int attempt) {
    }

    final Map<String, Run> runs = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<FinalRequest> finals = new ArrayList<>();
    final List<WatchlistRequest> watchlists = new ArrayList<>();
    final List<PlanRequest> plans = new ArrayList<>();
    /** Fail the next n tidy calls (a flaky source or database). */
    final AtomicInteger tidyFailures = new AtomicInteger();
    volatile boolean screenFails;
    volatile boolean aiFails;
    volatile LastGoodScores lastGood = new LastGoodScores(false, null, null, 0, 0);
    private final List<String> universe = List.of("005930", "000660", "035420", "051910", "068270");

    private static String key(String job, LocalDate date) {
        return job + "@" + date;
    }

    synchronized Run run(BatchJob job, LocalDate date) {
        return runs.get(key(job.jobName(), date));
    }

    synchronized List<String> callsOf(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    // --- order planning

    @Override
    public synchronized PlanReport planOrders(PlanRequest request) {
        plans.add(request);
        calls.add("plan " + request.date() + (request.stale() ? " stale" : ""));
        if (request.stale()) {
            return new PlanReport(0, 0, List.of(), List.of("stale scores of " + request.scoresDate()
                    + " do not trade"), "trading-control-" + request.date());
        }
        return new PlanReport(1, 0, List.of("BUY 10 005930 @ 70000 (score 81.0, signal 1)"), List.of(),
                "trading-control-" + request.date());
    }

    // --- batch_run

    @Override
    public synchronized RunClaim claim(String job, LocalDate date, String workflowId, boolean force) {
        Run previous = runs.get(key(job, date));
        if (previous != null && previous.workflowId().equals(workflowId) && previous.status().equals("RUNNING")) {
            return new RunClaim(true, "RUNNING", previous.attempt());
        }
        boolean done = previous != null && (previous.status().equals("SUCCEEDED") || previous.status().equals("DEGRADED"));
        if (done && !force) {
            return new RunClaim(false, previous.status(), previous.attempt());
        }
        int attempt = previous == null ? 1 : previous.attempt() + 1;
        runs.put(key(job, date), new Run(job, date, "RUNNING", null, workflowId, attempt));
        return new RunClaim(true, previous == null ? null : previous.status(), attempt);
    }

    @Override
    public synchronized void finish(RunFinish finish) {
        Run previous = runs.get(key(finish.job(), finish.date()));
        int attempt = previous == null ? 1 : previous.attempt();
        runs.put(key(finish.job(), finish.date()), new Run(finish.job(), finish.date(), finish.outcome().name(),
                finish.reason(), finish.workflowId(), attempt));
    }

    // --- collection

    private synchronized CollectionReport collected(String dataset, CollectionRequest request, int stored) {
        calls.add(dataset + " " + request.date());
        return new CollectionReport(dataset, request.date(), "KRX_DATA", null, stored, stored, 0, List.of(), List.of());
    }

    @Override
    public CollectionReport collectDailyMarket(CollectionRequest request) {
        return collected("DAILY_PRICE", request, universe.size());
    }

    @Override
    public CollectionReport collectDisclosures(CollectionRequest request) {
        return collected("DISCLOSURE", request, 2);
    }

    @Override
    public CollectionReport collectGlobalIndicators(CollectionRequest request) {
        return collected("GLOBAL_INDICATOR", request, 6);
    }

    @Override
    public CollectionReport tidyDailyMarket(CollectionRequest request) {
        if (tidyFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            synchronized (this) {
                calls.add("TIDY-FAILED " + request.date());
            }
            throw new IllegalStateException("connection to PostgreSQL reset while tidying " + request.date());
        }
        return collected("TIDY", request, 0);
    }

    // --- scoring

    @Override
    public synchronized ScreeningSummary screen(LocalDate date) {
        calls.add("SCREEN " + date);
        if (screenFails) {
            throw new IllegalStateException("daily_bar of the previous session is missing");
        }
        return new ScreeningSummary(date, 7, universe, Map.of("LOW_TRADED_VALUE", 2), Map.of("LOW_TRADED_VALUE", 2));
    }

    @Override
    public synchronized QuantSummary scoreQuant(QuantRequest request) {
        calls.add("QUANT " + request.date());
        return new QuantSummary(request.date(), "BULL", 0.8, request.symbols().size(), 1, Map.of("VALUE", 0.2), 0);
    }

    @Override
    public synchronized FinalSummary scoreFinal(FinalRequest request) {
        calls.add("FINAL " + request.date());
        finals.add(request);
        boolean degraded = request.degradedReason() != null;
        return new FinalSummary(request.date(), universe.size(), 1, 3, 1, degraded ? universe.size() : 0,
                request.degradedReason(), List.of(new ScoreLine("005930", "Samsung", 1.2,
                        degraded ? null : request.aiScores().get("005930"), 91.0, "BUY")));
    }

    @Override
    public synchronized LastGoodScores lastGoodScores(LocalDate date, int maxAgeHours) {
        calls.add("LAST-GOOD " + date);
        return lastGood;
    }

    @Override
    public synchronized WatchlistPublication publishWatchlist(WatchlistRequest request) {
        calls.add("WATCHLIST " + request.date());
        watchlists.add(request);
        return new WatchlistPublication("aegis.watchlist.v1", 0, watchlists.size() - 1, universe.size(),
                request.stale());
    }

    @Override
    public synchronized RebalancePlan planRebalance(LocalDate planDate, LocalDate scoresDate, int maxPositions,
            double maxWeight) {
        calls.add("REBALANCE " + planDate + " on " + scoresDate);
        return new RebalancePlan(planDate, scoresDate, List.of(new RebalancePlan.Target("005930", 91.0, maxWeight)));
    }

    @Override
    public synchronized List<String> screenedSymbols(LocalDate date) {
        calls.add("SCREENED " + date);
        return date.getDayOfMonth() % 2 == 0 ? universe : List.of();
    }

    // --- AI

    @Override
    public AiScores score(AiScoreRequest request) {
        synchronized (this) {
            calls.add("AI " + request.date());
        }
        if (aiFails) {
            throw new IllegalStateException("CUDA out of memory on the GPU worker");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String symbol : request.symbols()) {
            scores.put(symbol, 50.0 + symbol.hashCode() % 40);
        }
        return new AiScores(scores, "ensemble-2026.11");
    }
}
