package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.factors.Factor;
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
import org.junit.jupiter.api.Test;

/** The whole path from listed stocks to explained final scores on a seeded synthetic market. */
class DailyScoringTest {

    private static final SyntheticMarket MARKET = new SyntheticMarket(7, 120, 300, LocalDate.of(2025, 3, 14));

    private static List<FactorInputs> screened() {
        ScreeningResult screening = Screener.screen(MARKET.screeningInputs, ScreenerCriteria.defaults());
        Set<Symbol> kept = screening.kept().stream().map(ScreeningInput::symbol).collect(Collectors.toSet());
        return MARKET.stocks.stream().filter(s -> kept.contains(s.symbol())).toList();
    }

    @Test
    void screenedStocksGetExplainedScoresWithinRange() {
        List<FactorInputs> universe = screened();
        assertThat(universe).hasSizeBetween(10, 110);

        DailyScoringResult result = DailyScoring.withDefaults()
                .score(universe, MARKET.index, MARKET.scoringDate, MARKET.aiScores);

        assertThat(result.scores()).hasSameSizeAs(universe);
        assertThat(result.regime().date()).isEqualTo(MARKET.scoringDate);
        for (FinalScore score : result.scores()) {
            ScoreExplanation e = score.explanation();
            assertThat(score.score()).isBetween(0.0, 100.0);
            assertThat(score.degraded()).isFalse();
            assertThat(e.regime()).isEqualTo(result.regime().regime());
            assertThat(e.factors().stream().mapToDouble(FactorContribution::contribution).sum())
                    .isCloseTo(e.quantScore(), within(1e-9));
            assertThat(e.blended()).isCloseTo(0.4 * e.quantNormalised() + 0.6 * e.aiNormalised(), within(1e-12));
            assertThat(score.score()).isCloseTo(ScoreMapping.toScore(e.blendedZ()), within(1e-12));
        }
        // the statements of 2024Q4 were published in March 2025, before the scoring date: all quarters known
        assertThat(result.snapshots()).allSatisfy(s -> assertThat(s.get(Factor.REVENUE_GROWTH).isPresent()).isTrue());
        double meanZ = result.scores().stream().mapToDouble(s -> s.explanation().blendedZ()).average().orElseThrow();
        assertThat(meanZ).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void sameInputsGiveTheSameScores() {
        List<FactorInputs> universe = screened();
        DailyScoringResult first = DailyScoring.withDefaults()
                .score(universe, MARKET.index, MARKET.scoringDate, MARKET.aiScores);
        DailyScoringResult second = DailyScoring.withDefaults()
                .score(universe, MARKET.index, MARKET.scoringDate, MARKET.aiScores);
        assertThat(second.scores()).extracting(FinalScore::score)
                .containsExactlyElementsOf(first.scores().stream().map(FinalScore::score).toList());
    }

    @Test
    void quantOnlyRunMarksEveryScoreDegraded() {
        DailyScoringResult result = DailyScoring.withDefaults()
                .scoreQuantOnly(screened(), MARKET.index, MARKET.scoringDate, "AI scoring timed out after 120 s");
        assertThat(result.scores()).allSatisfy(s -> {
            assertThat(s.degraded()).isTrue();
            assertThat(s.degradedReason()).isEqualTo("AI scoring timed out after 120 s");
            assertThat(s.explanation().weights().ai()).isZero();
        });
    }
}
