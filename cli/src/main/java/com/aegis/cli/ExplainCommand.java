package com.aegis.cli;

import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.core.scoring.ScoreExplanation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aegis explain <symbol> --date D}: how a stock's final score came about, from each factor's raw value and
 * z-score through the regime's weights and the AI part to the 0–100 score.
 */
@Command(name = "explain", description = "Explain one stock's final score: factors, z-scores, weights, AI part.")
public class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Six-character KRX code, e.g. 005930.")
    String symbol;

    @Option(names = "--date", description = "Scoring date (YYYY-MM-DD; default today in Seoul).")
    LocalDate date;

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : LocalDate.now(ZoneId.of("Asia/Seoul"));
        if (!symbol.matches("[0-9A-Z]{6}")) {
            throw new CliException("symbol must be a six-character KRX code such as 005930, got '" + symbol + "'");
        }
        ScoreQueries queries = new ScoreQueries(DSL.using(CliSettings.fromEnvironment().dataSource(),
                SQLDialect.POSTGRES));
        ScoreExplanation explanation = queries.explain(symbol, day).orElseThrow(() -> new CliException(
                "no score for " + symbol + " on " + day + ": it was not screened that day, or the pipeline has not run"
                        + " (see 'aegis scores --date " + day + "')"));
        System.out.print(explanation.describe());
        return 0;
    }
}
