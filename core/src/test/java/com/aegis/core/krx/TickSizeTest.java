package com.aegis.core.krx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Market;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TickSizeTest {

    private static final LocalDate BEFORE = LocalDate.of(2023, 1, 24);
    private static final LocalDate SINCE = LocalDate.of(2023, 1, 25);

    @ParameterizedTest(name = "unified: {0} KRW -> tick {1}")
    @CsvSource({
            "1, 1", "1999, 1",
            "2000, 5", "4999, 5",
            "5000, 10", "19999, 10",
            "20000, 50", "49999, 50",
            "50000, 100", "199999, 100",
            "200000, 500", "499999, 500",
            "500000, 1000", "5000000, 1000"})
    void unifiedTableOnBothSidesOfEveryBoundary(long price, long tick) {
        assertThat(TickSize.of(price)).isEqualTo(tick);
        for (Market m : Market.values()) {
            assertThat(TickSize.of(m, SINCE, price)).isEqualTo(tick);
        }
    }

    @ParameterizedTest(name = "KOSPI before 2023-01-25: {0} KRW -> tick {1}")
    @CsvSource({
            "1, 1", "999, 1",
            "1000, 5", "4999, 5",
            "5000, 10", "9999, 10",
            "10000, 50", "49999, 50",
            "50000, 100", "99999, 100",
            "100000, 500", "499999, 500",
            "500000, 1000", "3000000, 1000"})
    void kospiTableBefore2023(long price, long tick) {
        assertThat(TickSize.of(Market.KOSPI, BEFORE, price)).isEqualTo(tick);
        assertThat(TickSize.of(Market.KOSPI, LocalDate.of(2015, 1, 2), price)).isEqualTo(tick);
    }

    @ParameterizedTest(name = "KOSDAQ before 2023-01-25: {0} KRW -> tick {1}")
    @CsvSource({
            "1, 1", "999, 1",
            "1000, 5", "4999, 5",
            "5000, 10", "9999, 10",
            "10000, 50", "49999, 50",
            "50000, 100", "99999, 100", "100000, 100", "500000, 100", "3000000, 100"})
    void kosdaqAndKonexTableBefore2023(long price, long tick) {
        assertThat(TickSize.of(Market.KOSDAQ, BEFORE, price)).isEqualTo(tick);
        assertThat(TickSize.of(Market.KONEX, BEFORE, price)).isEqualTo(tick);
    }

    @Test
    void theSamePriceHadDifferentTicksBeforeTheUnification() {
        assertThat(TickSize.of(Market.KOSPI, BEFORE, 150_000)).isEqualTo(500);
        assertThat(TickSize.of(Market.KOSDAQ, BEFORE, 150_000)).isEqualTo(100);
        assertThat(TickSize.of(Market.KOSDAQ, SINCE, 150_000)).isEqualTo(100);
        assertThat(TickSize.of(Market.KOSPI, SINCE, 150_000)).isEqualTo(100);
        assertThat(TickSize.of(Market.KOSPI, BEFORE, 1_500)).isEqualTo(5);
        assertThat(TickSize.of(Market.KOSPI, SINCE, 1_500)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: down {1}, up {2}, nearest {3}")
    @CsvSource({
            "1, 1, 1, 1",
            "1999, 1999, 1999, 1999",
            "2000, 2000, 2000, 2000",
            "2001, 2000, 2005, 2000",
            "2002, 2000, 2005, 2000",
            "2003, 2000, 2005, 2005",
            "4999, 4995, 5000, 5000",
            "5005, 5000, 5010, 5010",
            "5004, 5000, 5010, 5000",
            "19999, 19990, 20000, 20000",
            "20025, 20000, 20050, 20050",
            "20024, 20000, 20050, 20000",
            "49999, 49950, 50000, 50000",
            "199950, 199900, 200000, 200000",
            "199949, 199900, 200000, 199900",
            "499999, 499500, 500000, 500000",
            "500001, 500000, 501000, 500000",
            "500500, 500000, 501000, 501000"})
    void roundingStaysOnValidTicks(long price, long down, long up, long nearest) {
        assertThat(TickSize.roundDown(price)).isEqualTo(down);
        assertThat(TickSize.roundUp(price)).isEqualTo(up);
        assertThat(TickSize.roundNearest(price)).isEqualTo(nearest);
    }

    @ParameterizedTest(name = "{0} is valid: {1}")
    @CsvSource({"1, true", "1999, true", "2000, true", "2003, false", "2005, true", "5005, false", "5010, true",
            "20010, false", "20050, true", "50050, false", "50100, true", "200100, false", "200500, true",
            "500500, false", "501000, true", "0, false", "-5, false"})
    void validity(long price, boolean valid) {
        assertThat(TickSize.isValid(price)).isEqualTo(valid);
    }

    @Test
    void steppingCrossesBandBoundariesWithTheNewTick() {
        assertThat(TickSize.stepUp(1_999, 1)).isEqualTo(2_000);
        assertThat(TickSize.stepUp(1_999, 2)).isEqualTo(2_005);
        assertThat(TickSize.stepUp(1_998, 3)).isEqualTo(2_005);
        assertThat(TickSize.stepDown(2_005, 2)).isEqualTo(1_999);
        assertThat(TickSize.stepDown(2_000, 1)).isEqualTo(1_999);
        assertThat(TickSize.stepUp(4_995, 1)).isEqualTo(5_000);
        assertThat(TickSize.stepDown(5_000, 1)).isEqualTo(4_995);
        assertThat(TickSize.stepUp(49_950, 2)).isEqualTo(50_100);
        assertThat(TickSize.stepDown(50_000, 1)).isEqualTo(49_950);
        assertThat(TickSize.stepUp(499_500, 1)).isEqualTo(500_000);
        assertThat(TickSize.stepDown(500_000, 1)).isEqualTo(499_500);
        assertThat(TickSize.stepUp(500_000, 3)).isEqualTo(503_000);
        // 1 -> 1999 is 1998 ticks, 2000..4995 another 600, 5000 is tick 2599
        assertThat(TickSize.stepUp(1, 2_599)).isEqualTo(5_000);
        assertThat(TickSize.stepDown(5_000, 2_599)).isEqualTo(1);
        assertThat(TickSize.stepUp(70_000, 0)).isEqualTo(70_000);
        assertThat(TickSize.stepUp(70_000, -3)).isEqualTo(69_700);
        assertThat(TickSize.stepDown(70_000, -3)).isEqualTo(70_300);
    }

    @Test
    void steppingBelowOneWonOrFromAnOffTickPriceIsRefused() {
        assertThatThrownBy(() -> TickSize.stepDown(3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below 1 KRW");
        assertThatThrownBy(() -> TickSize.stepUp(2_003, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2003").hasMessageContaining("round");
        assertThat(TickSize.stepDown(3, 2)).isEqualTo(1);
    }

    @Test
    void nonPositivePricesHaveNoTick() {
        assertThatThrownBy(() -> TickSize.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 KRW");
        assertThatThrownBy(() -> TickSize.roundDown(-10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Market.class)
    void pre2023TablesStepAcrossTheirOwnBoundaries(Market market) {
        TickTable table = TickSize.table(market, BEFORE);
        assertThat(table.stepUp(9_990, 1)).isEqualTo(10_000);
        assertThat(table.stepUp(10_000, 1)).isEqualTo(10_050);
        assertThat(table.stepDown(1_000, 1)).isEqualTo(999);
        assertThat(table.roundDown(99_999)).isEqualTo(99_900);
    }
}
