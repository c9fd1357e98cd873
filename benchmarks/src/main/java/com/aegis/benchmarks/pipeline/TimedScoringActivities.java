package com.aegis.benchmarks.pipeline;

import com.aegis.workflows.scoring.FinalRequest;
import com.aegis.workflows.scoring.FinalSummary;
import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.QuantRequest;
import com.aegis.workflows.scoring.QuantSummary;
import com.aegis.workflows.scoring.RebalancePlan;
import com.aegis.workflows.scoring.ScoringActivities;
import com.aegis.workflows.scoring.ScreeningSummary;
import com.aegis.workflows.scoring.WatchlistPublication;
import com.aegis.workflows.scoring.WatchlistRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The scoring activities with the wall time spent inside them summed, so that a workflow's wall time splits into the
 * activities' own work and what Temporal adds around them (starting, scheduling, polling, history, result).
 */
public final class TimedScoringActivities implements ScoringActivities {

    private final ScoringActivities delegate;
    private final AtomicLong nanos = new AtomicLong();

    public TimedScoringActivities(ScoringActivities delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Milliseconds spent inside the activities since the last call, and restarts the sum. */
    public double takeMillis() {
        return nanos.getAndSet(0) / 1e6;
    }

    @Override
    public ScreeningSummary screen(LocalDate date) {
        return timed(() -> delegate.screen(date));
    }

    @Override
    public QuantSummary scoreQuant(QuantRequest request) {
        return timed(() -> delegate.scoreQuant(request));
    }

    @Override
    public FinalSummary scoreFinal(FinalRequest request) {
        return timed(() -> delegate.scoreFinal(request));
    }

    @Override
    public LastGoodScores lastGoodScores(LocalDate date, int maxAgeHours) {
        return timed(() -> delegate.lastGoodScores(date, maxAgeHours));
    }

    @Override
    public WatchlistPublication publishWatchlist(WatchlistRequest request) {
        return timed(() -> delegate.publishWatchlist(request));
    }

    @Override
    public RebalancePlan planRebalance(LocalDate planDate, LocalDate scoresDate, int maxPositions, double maxWeight) {
        return timed(() -> delegate.planRebalance(planDate, scoresDate, maxPositions, maxWeight));
    }

    @Override
    public List<String> screenedSymbols(LocalDate date) {
        return timed(() -> delegate.screenedSymbols(date));
    }

    private <T> T timed(Supplier<T> call) {
        long t = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.addAndGet(System.nanoTime() - t);
        }
    }
}
