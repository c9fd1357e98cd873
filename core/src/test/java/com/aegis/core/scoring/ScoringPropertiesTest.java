package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.market.Symbol;
import com.aegis.core.validation.Statistics;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class ScoringPropertiesTest {

    @Property(tries = 500)
    void zScoresHaveMeanZeroAndUnitDeviationWhenValuesDiffer(
            @ForAll @Size(min = 2, max = 200) @UniqueElements List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        double[] x = values.stream().mapToDouble(d -> d).toArray();
        double range = Arrays.stream(x).max().getAsDouble() - Arrays.stream(x).min().getAsDouble();
        Assume.that(range > 1e-6 * (1 + Arrays.stream(x).map(Math::abs).max().getAsDouble()));
        double[] z = ZScores.of(x);
        assertThat(Statistics.mean(z)).isCloseTo(0.0, within(1e-9));
        assertThat(Statistics.populationStdDev(z)).isCloseTo(1.0, within(1e-9));
    }

    @Property(tries = 500)
    void winsorisingNeverWidensTheRangeAndKeepsTheOrder(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e9, max = 1e9) Double> values,
            @ForAll @DoubleRange(min = 0, max = 0.5) double lower,
            @ForAll @DoubleRange(min = 0.5, max = 1) double upper) {
        double[] x = values.stream().mapToDouble(d -> d).toArray();
        double[] w = new Winsorizer(lower, upper).winsorise(x);
        double min = Arrays.stream(x).min().getAsDouble();
        double max = Arrays.stream(x).max().getAsDouble();
        for (int i = 0; i < x.length; i++) {
            assertThat(w[i]).isBetween(min, max);
            for (int j = 0; j < x.length; j++) {
                if (x[i] <= x[j]) {
                    assertThat(w[i]).isLessThanOrEqualTo(w[j]);
                }
            }
        }
        assertThat(Arrays.stream(w).max().getAsDouble() - Arrays.stream(w).min().getAsDouble())
                .isLessThanOrEqualTo(max - min);
    }

    @Property(tries = 300)
    void finalScoresAlwaysLieWithinZeroAndHundred(
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -50, max = 50) Double> quantValues,
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -1, max = 101) Double> aiValues) {
        List<QuantScore> quant = new ArrayList<>();
        Map<Symbol, Double> ai = new HashMap<>();
        for (int i = 0; i < quantValues.size(); i++) {
            String code = String.format("%06d", i);
            quant.add(QuantFixtures.quant(code, quantValues.get(i)));
            if (i < aiValues.size() && aiValues.get(i) <= 100) {
                ai.put(Symbol.of(code), aiValues.get(i));   // values above 100 stand for "no AI score"
            }
        }
        for (FinalScore s : FinalScorer.withDefaults().score(quant, ai)) {
            assertThat(s.score()).isBetween(0.0, 100.0);
            assertThat(s.recommendation()).isEqualTo(Recommendation.of(s.score()));
            assertThat(s.degraded()).isEqualTo(!ai.containsKey(s.symbol()));
        }
    }

    @Property(tries = 200)
    void sectorNeutralValueScoresAverageZeroWithinEachSector(
            @ForAll @Size(min = 10, max = 80) List<@DoubleRange(min = 0.1, max = 20) Double> pbr) {
        List<com.aegis.core.factors.FactorSnapshot> day = new ArrayList<>();
        for (int i = 0; i < pbr.size(); i++) {
            day.add(Snapshots.snapshot(String.format("%06d", i), "S" + (i % 2),
                    Map.of(com.aegis.core.factors.Factor.PBR, pbr.get(i))));
        }
        List<StandardisedStock> out = new CrossSectionStandardiser(
                new CrossSectionSettings(new Winsorizer(0.05, 0.95), MissingValuePolicy.SECTOR_MEDIAN, 5))
                .standardise(day);
        for (String sector : List.of("S0", "S1")) {
            double mean = out.stream().filter(s -> s.sector().name().equals(sector))
                    .mapToDouble(s -> s.get(com.aegis.core.factors.Factor.PBR).zScore()).average().orElseThrow();
            assertThat(mean).isCloseTo(0.0, within(1e-9));
        }
    }

    @Property(tries = 200)
    void quantOnlyScoresKeepTheOrderOfTheQuantScores(
            @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = -5, max = 5) Double> quantValues) {
        List<QuantScore> quant = new ArrayList<>();
        for (int i = 0; i < quantValues.size(); i++) {
            quant.add(QuantFixtures.quant(String.format("%06d", i), quantValues.get(i)));
        }
        List<FinalScore> scores = FinalScorer.withDefaults().scoreQuantOnly(quant, "AI disabled");
        for (int i = 0; i < quant.size(); i++) {
            for (int j = 0; j < quant.size(); j++) {
                if (quant.get(i).value() < quant.get(j).value()) {
                    assertThat(scores.get(i).score()).isLessThanOrEqualTo(scores.get(j).score());
                }
            }
        }
    }
}
