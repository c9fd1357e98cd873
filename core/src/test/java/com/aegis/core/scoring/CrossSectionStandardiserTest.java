package com.aegis.core.scoring;

import static com.aegis.core.scoring.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorSnapshot;
import com.aegis.core.factors.MissingReason;
import com.aegis.core.factors.Neutralisation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seven stocks in two sectors. PBR: A = 1, 2, 6 and one missing; B = 4, 6, 8. ROE: A = 0.1, 0.2, 0.3. MOMENTUM_3M:
 * 0.1 .. 0.6 over the six stocks that have it.
 */
class CrossSectionStandardiserTest {

    private static final double SQRT_1_5 = Math.sqrt(1.5);

    private static final List<FactorSnapshot> DAY = List.of(
            snapshot("000001", "A", Map.of(Factor.PBR, 1.0, Factor.ROE, 0.1, Factor.MOMENTUM_3M, 0.1)),
            snapshot("000002", "A", Map.of(Factor.PBR, 2.0, Factor.ROE, 0.2, Factor.MOMENTUM_3M, 0.2)),
            snapshot("000003", "A", Map.of(Factor.PBR, 6.0, Factor.ROE, 0.3, Factor.MOMENTUM_3M, 0.3)),
            snapshot("000004", "A", Map.of()),
            snapshot("000005", "B", Map.of(Factor.PBR, 4.0, Factor.MOMENTUM_3M, 0.4)),
            snapshot("000006", "B", Map.of(Factor.PBR, 6.0, Factor.MOMENTUM_3M, 0.5)),
            snapshot("000007", "B", Map.of(Factor.PBR, 8.0, Factor.MOMENTUM_3M, 0.6)));

    private static List<StandardisedStock> standardise(MissingValuePolicy policy, int minSectorSize) {
        return new CrossSectionStandardiser(new CrossSectionSettings(new Winsorizer(0, 1), policy, minSectorSize))
                .standardise(DAY);
    }

    private static double z(List<StandardisedStock> stocks, int position, Factor factor) {
        return stocks.get(position).get(factor).zScore();
    }

    @Test
    void valueIsStandardisedWithinTheSectorAndSignFlipped() {
        List<StandardisedStock> out = standardise(MissingValuePolicy.SECTOR_MEDIAN, 3);
        // A: mean 3, population sd √(14/3); z = −0.9258, −0.4629, 1.3887; flipped because low PBR is good
        double sdA = Math.sqrt(14.0 / 3);
        assertThat(z(out, 0, Factor.PBR)).isCloseTo(2 / sdA, within(1e-12));
        assertThat(z(out, 1, Factor.PBR)).isCloseTo(1 / sdA, within(1e-12));
        assertThat(z(out, 2, Factor.PBR)).isCloseTo(-3 / sdA, within(1e-12));
        // B: mean 6, sd √(8/3); z = ∓√1.5, and the cheapest is best
        assertThat(z(out, 4, Factor.PBR)).isCloseTo(SQRT_1_5, within(1e-12));
        assertThat(z(out, 5, Factor.PBR)).isEqualTo(0.0);
        assertThat(z(out, 6, Factor.PBR)).isCloseTo(-SQRT_1_5, within(1e-12));
        assertThat(out.get(4).get(Factor.PBR).standardisedAgainst()).isEqualTo(Neutralisation.SECTOR);
    }

    @Test
    void qualityKeepsItsSignBecauseHigherIsBetter() {
        List<StandardisedStock> out = standardise(MissingValuePolicy.SECTOR_MEDIAN, 3);
        assertThat(z(out, 0, Factor.ROE)).isCloseTo(-SQRT_1_5, within(1e-12));
        assertThat(z(out, 2, Factor.ROE)).isCloseTo(SQRT_1_5, within(1e-12));
    }

    @Test
    void momentumIsStandardisedAcrossTheWholeMarket() {
        List<StandardisedStock> out = standardise(MissingValuePolicy.SECTOR_MEDIAN, 3);
        // 0.1..0.6: mean 0.35, population sd 0.1·√(35/12) = 0.170783; z(0.1) = −1.463850
        assertThat(z(out, 0, Factor.MOMENTUM_3M)).isCloseTo(-1.4638501094227996, within(1e-12));
        assertThat(z(out, 6, Factor.MOMENTUM_3M)).isCloseTo(1.4638501094227996, within(1e-12));
        assertThat(out.get(0).get(Factor.MOMENTUM_3M).standardisedAgainst()).isEqualTo(Neutralisation.MARKET);
    }

    @Test
    void sectorTooSmallFallsBackToTheMarket() {
        List<StandardisedStock> out = standardise(MissingValuePolicy.SECTOR_MEDIAN, 4);
        // all six PBRs 1,2,6,4,6,8: mean 4.5, Σ(x − 4.5)² = 35.5, population sd √(35.5/6)
        double sd = Math.sqrt(35.5 / 6);
        assertThat(z(out, 0, Factor.PBR)).isCloseTo(3.5 / sd, within(1e-12));
        assertThat(out.get(0).get(Factor.PBR).standardisedAgainst()).isEqualTo(Neutralisation.MARKET);
    }

    @Test
    void missingValueTakesTheSectorMedianAndIsFlagged() {
        List<StandardisedStock> out = standardise(MissingValuePolicy.SECTOR_MEDIAN, 3);
        FactorExposure missing = out.get(3).get(Factor.PBR);
        assertThat(missing.imputed()).isTrue();
        assertThat(missing.raw().missingReason()).isEqualTo(MissingReason.NO_STATEMENT_PUBLISHED);
        assertThat(missing.winsorised()).isNaN();
        // median of A's flipped z-scores 0.9258, 0.4629, −1.3887
        assertThat(missing.zScore()).isCloseTo(1 / Math.sqrt(14.0 / 3), within(1e-12));
        // sector B has no ROE at all: imputed 0
        assertThat(out.get(5).get(Factor.ROE).zScore()).isEqualTo(0.0);
        assertThat(out.get(5).get(Factor.ROE).imputed()).isTrue();
        assertThat(out.get(0).get(Factor.PBR).imputed()).isFalse();
    }

    @Test
    void neutralZeroPolicyImputesZero() {
        List<StandardisedStock> out = standardise(MissingValuePolicy.NEUTRAL_ZERO, 3);
        assertThat(out.get(3).get(Factor.PBR).zScore()).isEqualTo(0.0);
        assertThat(out.get(3).get(Factor.PBR).imputed()).isTrue();
    }

    @Test
    void winsorisingHappensBeforeStandardising() {
        List<FactorSnapshot> day = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            day.add(snapshot(String.format("%06d", i), "A", Map.of(Factor.VOLATILITY, (double) i)));
        }
        List<StandardisedStock> out = new CrossSectionStandardiser(
                new CrossSectionSettings(new Winsorizer(0.1, 0.9), MissingValuePolicy.NEUTRAL_ZERO, 3))
                .standardise(day);
        assertThat(out.get(0).get(Factor.VOLATILITY).winsorised()).isCloseTo(1.9, within(1e-12));
        assertThat(out.get(9).get(Factor.VOLATILITY).winsorised()).isCloseTo(9.1, within(1e-12));
        // winsorised values are symmetric around 5.5; the lowest volatility is the best (flipped)
        assertThat(out.get(0).get(Factor.VOLATILITY).zScore())
                .isCloseTo(-out.get(9).get(Factor.VOLATILITY).zScore(), within(1e-12)).isPositive();
    }
}
