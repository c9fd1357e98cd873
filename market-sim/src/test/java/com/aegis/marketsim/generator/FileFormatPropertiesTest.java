package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The text formats the files and COPY use survive a round trip for any value. */
class FileFormatPropertiesTest {

    @Property
    void csvFieldsRoundTrip(@ForAll String a, @ForAll String b) {
        String sa = a.replace("\n", " ").replace("\r", " ");
        String sb = b.replace("\n", " ").replace("\r", " ");
        StringBuilder line = new StringBuilder();
        Csv.field(line, sa);
        line.append(',');
        Csv.field(line, sb);
        assertThat(Csv.parse(line.toString())).containsExactly(sa, sb);
    }

    @Property
    void fixedPointDecimalsParseBackToTheRoundedValue(@ForAll @DoubleRange(min = -1e9, max = 1e9) double value,
                                                      @ForAll @IntRange(min = 0, max = 6) int scale) {
        double rounded = GlobalMarketsSimulator.round(value, scale);
        assertThat(Double.parseDouble(Csv.decimal(rounded, scale))).isEqualTo(rounded);
    }

    @Test
    void isinCheckDigitMatchesRealListings() {
        assertThat(UniverseBuilder.isin("005930")).isEqualTo("KR7005930003");
        assertThat(UniverseBuilder.isin("000660")).isEqualTo("KR7000660001");
        assertThat(UniverseBuilder.isin("035420")).isEqualTo("KR7035420009");
    }

    @Test
    void rankScoresAreCentredUniformScoresThatIgnoreMissingValues() {
        double[] scores = PriceSimulator.rankScores(new double[] {3, Double.NaN, 1, 2, 5, 4});
        assertThat(scores[1]).isZero();
        assertThat(scores[4]).isGreaterThan(scores[5]).isGreaterThan(scores[0]);
        double[] present = {scores[0], scores[2], scores[3], scores[4], scores[5]};
        assertThat(MarketStatistics.mean(present)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scores[4]).isCloseTo(Math.sqrt(12) * 0.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scores[2]).isCloseTo(-scores[4], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(MarketStatistics.stdev(present) * Math.sqrt(4.0 / 5.0))
                .isCloseTo(Math.sqrt(12) * Math.sqrt(2.0) / 5, org.assertj.core.data.Offset.offset(1e-12));
    }
}
