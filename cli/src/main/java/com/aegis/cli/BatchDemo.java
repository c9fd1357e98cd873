package com.aegis.cli;

import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.batch.BatchReport;
import com.aegis.workflows.batch.BatchRequest;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.DailyPostCloseWorkflow;
import com.aegis.workflows.batch.DailyPreOpenWorkflow;
import com.aegis.workflows.scoring.PipelineReport;
import com.aegis.workflows.scoring.ScoreLine;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The demo's batch part: the 18:00 collection of the market's last session through the workers' collection activities
 * (simulated KRX, OpenDART and Yahoo services), then the 08:30 pre-open run of the next session: the scoring pipeline
 * over the whole universe and the watchlist, printed as a trader reads it.
 */
final class BatchDemo {

    private final CliSettings settings;
    private final PrintStream out;

    BatchDemo(CliSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    private static WorkflowOptions options(BatchJob job, LocalDate date) {
        return WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.BATCH).setWorkflowId(job.workflowId(date))
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE).build();
    }

    /** Runs DailyPostClose for {@code session}; true when it completed (possibly degraded). */
    boolean postClose(LocalDate session) {
        try (TemporalAccess temporal = new TemporalAccess(settings).requireReachable()) {
            long t = System.nanoTime();
            BatchReport report = temporal.client().newWorkflowStub(DailyPostCloseWorkflow.class,
                    options(BatchJob.DAILY_POST_CLOSE, session)).run(new BatchRequest(session, true, false));
            out.printf("    %s %s: %s in %.1f s%s%n", report.job(), session, report.outcome(), seconds(t),
                    report.reason() == null ? "" : " (" + report.reason() + ")");
            Table table = new Table("dataset", "source", "fetched", "stored", "quarantined", "time");
            for (CollectionReport c : report.collections()) {
                table.row(c.dataset(), c.source() + (c.fallbackReason() == null ? "" : " (fallback)"),
                        String.format("%,d", c.fetched()), String.format("%,d", c.stored()),
                        String.format("%,d", c.quarantined()), ms(report.stageMillis(), stageOf(c.dataset())));
            }
            table.print(out, "    ");
            report.notes().stream().limit(5).forEach(n -> out.println("    note: " + n));
            return true;
        }
    }

    private static String stageOf(String dataset) {
        return switch (dataset) {
            case "DAILY_PRICE", "INDEX_BAR" -> "market";
            case "TIDY" -> "tidy";
            case "DISCLOSURE", "FINANCIAL_STATEMENT" -> "disclosures";
            default -> "globals";
        };
    }

    /** Runs DailyPreOpen for {@code date} and explains the best score; true when scores were produced. */
    boolean preOpen(LocalDate date) {
        try (TemporalAccess temporal = new TemporalAccess(settings).requireReachable()) {
            long t = System.nanoTime();
            BatchReport report = temporal.client().newWorkflowStub(DailyPreOpenWorkflow.class,
                    options(BatchJob.DAILY_PRE_OPEN, date)).run(new BatchRequest(date, true, false));
            double wall = seconds(t);
            PipelineReport p = report.pipeline();
            out.printf("    %s %s (previous session %s): %s in %.1f s%n", report.job(), date,
                    KrxCalendar.standard().previousTradingDay(date), report.outcome(), wall);
            if (report.reason() != null) {
                out.println("    reason: " + report.reason());
            }
            if (p == null) {
                return false;
            }
            Map<String, Integer> exclusions = new TreeMap<>(p.screening().excludedByFirst());
            exclusions.values().removeIf(v -> v == 0);
            out.printf("    screener: %,d listed → %d kept; excluded first by %s%n", p.screening().universe(),
                    p.screening().passed().size(), exclusions);
            out.printf("    regime %s (confidence %.2f); category weights %s%n", p.quant().regime(),
                    p.quant().regimeConfidence(), new TreeMap<>(p.quant().categoryWeights()));
            out.printf("    final scores: %d BUY (≥ 75) / %d NEUTRAL / %d SELL (≤ 25)%n", p.result().buy(),
                    p.result().neutral(), p.result().sell());
            out.printf("    stage times: screen %s, quant %s, AI %s, final %s; tidy %s, watchlist %s%n",
                    ms(p.stageMillis(), "screen"), ms(p.stageMillis(), "quant"), ms(p.stageMillis(), "ai"),
                    ms(p.stageMillis(), "final"), ms(report.stageMillis(), "tidy"),
                    ms(report.stageMillis(), "watchlist"));
            Table table = new Table("#", "symbol", "name", "final", "rec", "quant z");
            int rank = 0;
            for (ScoreLine line : p.result().top()) {
                table.row(++rank, line.symbol(), line.name(), String.format("%.2f", line.finalScore()),
                        line.recommendation(), String.format("%+.3f", line.quantScore()));
            }
            table.print(out, "    ");
            report.notes().forEach(n -> out.println("    " + n));
            if (!p.result().top().isEmpty()) {
                String best = p.result().top().get(0).symbol();
                out.println("    aegis explain " + best + " --date " + date + ":");
                new ScoreQueries(DSL.using(settings.dataSource(), SQLDialect.POSTGRES)).explain(best, date)
                        .ifPresent(e -> e.describe().lines().forEach(l -> out.println("      " + l)));
            }
            return p.result().scored() > 0;
        }
    }

    private static String ms(Map<String, Long> stages, String stage) {
        Long v = stages.get(stage);
        return v == null ? "-" : v + " ms";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
