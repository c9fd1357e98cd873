package com.aegis.cli;

import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.activities.scoring.ScoreRow;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aegis scores --date D [--top N]}: the day's final scores and recommendations, best first. */
@Command(name = "scores", description = "List a date's final scores and recommendations, best first.")
public class ScoresCommand implements Callable<Integer> {

    @Option(names = "--date", description = "Scoring date (YYYY-MM-DD; default today in Seoul).")
    LocalDate date;

    @Option(names = "--top", defaultValue = "20", description = "How many to list (0 = all; default ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : LocalDate.now(ZoneId.of("Asia/Seoul"));
        if (top < 0) {
            throw new CliException("--top must be >= 0, got " + top);
        }
        ScoreQueries queries = new ScoreQueries(DSL.using(CliSettings.fromEnvironment().dataSource(),
                SQLDialect.POSTGRES));
        List<ScoreRow> all = queries.scores(day, 0);
        PrintStream out = System.out;
        if (all.isEmpty()) {
            throw new CliException("no scores for " + day + "; run the pipeline with 'aegis run DailyPreOpen --date "
                    + day + "' (or 'aegis run ScoringPipeline --date " + day + "')");
        }
        long buy = all.stream().filter(r -> r.recommendation().equals("BUY")).count();
        long sell = all.stream().filter(r -> r.recommendation().equals("SELL")).count();
        long degraded = all.stream().filter(r -> r.degradedReason() != null).count();
        out.printf("Scores of %s: %d stocks, regime %s, %d BUY / %d NEUTRAL / %d SELL%n", day, all.size(),
                all.get(0).regime(), buy, all.size() - buy - sell, sell);
        if (degraded > 0) {
            out.printf("DEGRADED (%d of %d): %s%n", degraded, all.size(), all.get(0).degradedReason() != null
                    ? all.get(0).degradedReason() : "some stocks lack an AI score");
        }
        Table table = new Table("#", "symbol", "name", "final", "rec", "quant", "AI");
        int rank = 0;
        for (ScoreRow row : top == 0 ? all : all.subList(0, Math.min(top, all.size()))) {
            table.row(++rank, row.symbol(), row.name(), String.format("%.2f", row.finalScore()), row.recommendation(),
                    String.format("%+.3f", row.quantScore()),
                    row.aiScore() == null ? "-" : String.format("%.1f", row.aiScore()));
        }
        table.print(out, "  ");
        return 0;
    }
}
