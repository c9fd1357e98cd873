package com.aegis.core.scoring;

import com.aegis.core.factors.FactorInputs;
import com.aegis.core.market.Symbol;
import com.aegis.core.screening.Screener;
import com.aegis.core.screening.ScreenerCriteria;
import com.aegis.core.screening.ScreeningInput;
import com.aegis.core.screening.ScreeningResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A quick single-threaded measure of the scoring math on a synthetic full market (not a test, not JMH): screening,
 * then factors, regime, standardisation, quant and final scores for every listed stock (the screener's output is
 * also scored separately). Run after {@code mvn -o -q -pl core test-compile}:
 * <pre>java -cp core/target/classes:core/target/test-classes com.aegis.core.scoring.ScoringMicroMeasure 2800 250</pre>
 * The budget it is compared with is requirement L: screening 30 s, quant score 45 s.
 */
public final class ScoringMicroMeasure {

    private ScoringMicroMeasure() {
    }

    public static void main(String[] args) {
        int stocks = args.length > 0 ? Integer.parseInt(args[0]) : 2_800;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        LocalDate date = LocalDate.of(2025, 3, 14);

        long t0 = System.nanoTime();
        SyntheticMarket market = new SyntheticMarket(42, stocks, sessions, date);
        long generated = System.nanoTime() - t0;
        DailyScoring scoring = DailyScoring.withDefaults();

        double bestScreen = Double.MAX_VALUE;
        double bestAll = Double.MAX_VALUE;
        double bestScreened = Double.MAX_VALUE;
        int kept = 0;
        String regime = "";
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            long a = System.nanoTime();
            ScreeningResult screening = Screener.screen(market.screeningInputs, ScreenerCriteria.defaults());
            long b = System.nanoTime();
            DailyScoringResult all = scoring.score(market.stocks, market.index, date, market.aiScores);
            long c = System.nanoTime();
            Set<Symbol> keptSymbols = screening.kept().stream().map(ScreeningInput::symbol).collect(Collectors.toSet());
            List<FactorInputs> universe = market.stocks.stream().filter(s -> keptSymbols.contains(s.symbol())).toList();
            long d = System.nanoTime();
            DailyScoringResult screened = scoring.score(universe, market.index, date, market.aiScores);
            long e = System.nanoTime();
            bestScreen = Math.min(bestScreen, (b - a) / 1e6);
            bestAll = Math.min(bestAll, (c - b) / 1e6);
            bestScreened = Math.min(bestScreened, (e - d) / 1e6);
            kept = screening.kept().size();
            regime = all.regime().regime().name();
            checksum += Math.round(all.scores().get(0).score() * 1e6) + screened.scores().size();
        }
        System.out.printf("machine: %d cpus, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("inputs: %d stocks x %d sessions, 8 quarters each; synthetic market built in %.0f ms%n",
                stocks, sessions, generated / 1e6);
        System.out.printf("best of %d rounds, one thread:%n", rounds);
        System.out.printf("  screening %d stocks (kept %d): %.2f ms%n", stocks, kept, bestScreen);
        System.out.printf("  factors + regime + standardise + quant + final, all %d stocks: %.1f ms (regime %s)%n",
                stocks, bestAll, regime);
        System.out.printf("  same for the %d screened stocks: %.1f ms%n", kept, bestScreened);
        System.out.printf("  baseline (requirement L): screening 30,000 ms, quant score 45,000 ms; checksum %d%n",
                checksum);
    }
}
