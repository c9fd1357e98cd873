package com.aegis.core.krx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Market;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceLimitsTest {

    @ParameterizedTest(name = "base {0}: lower {1}, upper {2}")
    @CsvSource({
            "10000, 7000, 13000",
            "55000, 38500, 71500",
            // width 599 (tick 1); 2598 lands in the 5-won band and is cut to 2595
            "1999, 1400, 2595",
            "4000, 2800, 5200",
            "16000, 11200, 20800",
            // width 5097 cut to the base tick 10 -> 5090; 22080 cut to the 50-won tick
            "16990, 11900, 22050",
            "45000, 31500, 58500",
            "160000, 112000, 208000",
            // 500500 lands in the 1000-won band
            "385000, 269500, 500000",
            "1000000, 700000, 1300000",
            // off-tick base prices (after a corporate action): lower is rounded up onto a tick
            "2003, 1403, 2600",
            "20013, 14020, 26000",
            "1, 1, 1",
            "3, 3, 3",
            "4, 3, 5"})
    void kospiAndKosdaqLimitsAreThirtyPercentOnValidTicks(long base, long lower, long upper) {
        for (Market market : new Market[] {Market.KOSPI, Market.KOSDAQ}) {
            PriceBand band = PriceLimits.of(market, base);
            assertThat(band).isEqualTo(new PriceBand(base, lower, upper));
            assertThat(TickSize.isValid(band.lower())).isTrue();
            assertThat(TickSize.isValid(band.upper())).isTrue();
        }
    }

    @Test
    void konexLimitsAreFifteenPercent() {
        assertThat(PriceLimits.of(Market.KONEX, 10_000)).isEqualTo(new PriceBand(10_000, 8_500, 11_500));
        assertThat(PriceLimits.of(Market.KONEX, 4_500)).isEqualTo(new PriceBand(4_500, 3_825, 5_170));
    }

    @Test
    void historicalBandsUseThatDaysTickTableAndRate() {
        LocalDate before2023 = LocalDate.of(2022, 6, 2);
        // KOSPI tick 10 below 10,000 then 50: 12,980 -> 12,950
        assertThat(PriceLimits.of(Market.KOSPI, before2023, 9_990)).isEqualTo(new PriceBand(9_990, 7_000, 12_950));
        assertThat(PriceLimits.of(Market.KOSPI, before2023, 120_000))
                .isEqualTo(new PriceBand(120_000, 84_000, 156_000));
        assertThat(PriceLimits.of(Market.KOSDAQ, before2023, 60_000))
                .isEqualTo(new PriceBand(60_000, 42_000, 78_000));
        // under the unified table 9,990 has tick 10 and 12,980 is valid
        assertThat(PriceLimits.of(Market.KOSPI, 9_990)).isEqualTo(new PriceBand(9_990, 7_000, 12_980));
        // ±15% until 2015-06-12, ±30% from 2015-06-15
        assertThat(PriceLimits.of(Market.KOSPI, LocalDate.of(2015, 6, 12), 10_000))
                .isEqualTo(new PriceBand(10_000, 8_500, 11_500));
        assertThat(PriceLimits.of(Market.KOSDAQ, LocalDate.of(2015, 6, 15), 10_000))
                .isEqualTo(new PriceBand(10_000, 7_000, 13_000));
        assertThat(PriceLimits.ratePercent(Market.KONEX, LocalDate.of(2024, 1, 2))).isEqualTo(15);
    }

    @Test
    void bandContainsBothLimitsAndNothingBeyond() {
        PriceBand band = PriceLimits.of(Market.KOSPI, 55_000);
        assertThat(band.contains(38_500)).isTrue();
        assertThat(band.contains(71_500)).isTrue();
        assertThat(band.contains(55_000)).isTrue();
        assertThat(band.contains(38_450)).isFalse();
        assertThat(band.contains(71_600)).isFalse();
    }

    @Test
    void nonPositiveBasePriceIsRejected() {
        assertThatThrownBy(() -> PriceLimits.of(Market.KOSPI, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base price");
        assertThatThrownBy(() -> new PriceBand(100, 120, 110)).isInstanceOf(IllegalArgumentException.class);
    }
}
