package com.aegis.activities.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.quality.RejectedValue;
import com.aegis.activities.sources.DailyPrice;
import com.aegis.activities.testing.TestMarket;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.providers.ProviderData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DailyPriceValidatorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private final DailyPriceValidator validator = new DailyPriceValidator(CollectionSettings.defaults());

    @Test
    void theWholeGeneratedMarketPassesWithoutARejection() {
        ProviderData data = TestMarket.providerData();
        SimulatedCollection.KisStandIn prices = new SimulatedCollection.KisStandIn(data);
        Set<String> known = new HashSet<>();
        data.instruments().forEach(i -> known.add(i.symbol().code()));
        int bars = 0;
        int flagged = 0;
        List<RejectedValue> rejected = new ArrayList<>();
        for (LocalDate day : data.tradingDays()) {
            List<DailyPrice> day0 = prices.dailyPrices(day).value();
            DailyPriceValidator.Result r = validator.validate(day, day0, known, "scan", "KRX_DATA", Instant.EPOCH);
            bars += day0.size();
            flagged += r.flagged().size();
            rejected.addAll(r.rejected());
            assertThat(r.accepted().size() + r.rejected().size()).isEqualTo(day0.size());
        }
        assertThat(bars).isGreaterThan(100_000);
        assertThat(rejected).isEmpty();
        // Unusual but possible days (limit moves, volume spikes) are kept and flagged: about one bar in a hundred.
        assertThat((double) flagged / bars).isBetween(0.001, 0.02);
    }

    private static DailyPrice price(String symbol, Long open, Long high, Long low, long close, long base, long volume,
                                    long value) {
        return new DailyPrice(Symbol.of(symbol), "종목" + symbol, Market.KOSPI, DAY,
                open == null ? OptionalLong.empty() : OptionalLong.of(open),
                high == null ? OptionalLong.empty() : OptionalLong.of(high),
                low == null ? OptionalLong.empty() : OptionalLong.of(low), close, close - base, volume, value,
                close * 1_000_000, 1_000_000);
    }

    @Test
    void eachRecordRuleNamesWhatIsWrong() {
        List<DailyPrice> prices = List.of(
                price("000010", 10_000L, 10_200L, 9_900L, 10_100L, 10_000, 1_000, 10_050_000),   // fine
                price("000020", null, null, null, 5_000L, 5_000, 0, 0),                          // halted: fine
                price("000030", 10_000L, 9_800L, 9_900L, 9_900L, 10_000, 1_000, 9_900_000),      // high < low
                price("000040", null, null, null, 5_000L, 5_000, 10, 50_000),                    // trades, no OHL
                price("000050", 10_000L, null, 9_900L, 10_000L, 10_000, 1_000, 10_000_000),     // partial OHL
                price("000060", 14_000L, 14_000L, 14_000L, 14_000L, 10_000, 1_000, 14_000_000), // +40 %
                price("000010", 10_000L, 10_200L, 9_900L, 10_100L, 10_000, 1_000, 10_050_000),   // duplicate
                price("000070", 10_000L, 10_200L, 9_900L, 10_100L, 10_000, 1_000, 10_050_000));  // unknown
        Set<String> known = Set.of("000010", "000020", "000030", "000040", "000050", "000060");
        DailyPriceValidator.Result r = validator.validate(DAY, prices, known, "b", "KRX_DATA", Instant.EPOCH);

        assertThat(r.accepted()).extracting(p -> p.symbol().code()).containsExactly("000010", "000020");
        assertThat(r.rejected()).extracting(v -> v.symbol().code() + " " + v.rule()).containsExactly(
                "000030 INCONSISTENT", "000040 INCONSISTENT", "000050 MISSING", "000060 RANGE", "000010 DUPLICATE",
                "000070 INCONSISTENT");
        assertThat(r.rejected()).allMatch(v -> v.action() == QualityAction.REJECTED && !v.reason().isBlank());
        assertThat(r.rejected().get(3).reason()).contains("+40.0% from the base price 10000")
                .contains("beyond the daily limit of ±30.0%");
        assertThat(r.rejected().get(5).rule()).isEqualTo(QualityRule.INCONSISTENT);
    }

    @Test
    void settingsRefuseThresholdsThatCannotWork() {
        CollectionSettings d = CollectionSettings.defaults();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CollectionSettings(3.0, 4.0, 2.0, 12.0,
                        d.priceLimit(), d.priceTolerance(), d.balanceTolerance(), d.staleShare(), d.zone()))
                .hasMessageContaining("at least as wide as the review bounds");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CollectionSettings(-1.0, 4.0, 10.0, 12.0,
                        d.priceLimit(), d.priceTolerance(), d.balanceTolerance(), d.staleShare(), d.zone()))
                .hasMessageContaining("Tukey fence multiplier");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CollectionSettings(3.0, 4.0, 10.0, 12.0,
                        1.5, d.priceTolerance(), d.balanceTolerance(), d.staleShare(), d.zone()))
                .hasMessageContaining("priceLimit");
    }
}
