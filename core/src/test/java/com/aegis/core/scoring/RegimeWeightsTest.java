package com.aegis.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.factors.FactorCategory;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegimeWeightsTest {

    @Test
    void defaultsSumToOneAndFavourTheRegimesStyle() {
        RegimeWeights weights = RegimeWeights.defaults();
        for (MarketRegime regime : MarketRegime.values()) {
            assertThat(weights.forRegime(regime).values().stream().mapToDouble(d -> d).sum())
                    .isCloseTo(1.0, within(1e-12));
        }
        assertThat(weights.weight(MarketRegime.BULL, FactorCategory.MOMENTUM)).isEqualTo(0.35);
        assertThat(weights.weight(MarketRegime.BEAR, FactorCategory.QUALITY)).isEqualTo(0.30);
        assertThat(weights.weight(MarketRegime.SIDEWAYS, FactorCategory.VALUE)).isEqualTo(0.30);
        assertThat(weights.weight(MarketRegime.HIGH_VOLATILITY, FactorCategory.VOLATILITY)).isEqualTo(0.35);
    }

    @Test
    void oneRegimeCanBeOverridden() {
        Map<FactorCategory, Double> equal = new EnumMap<>(FactorCategory.class);
        for (FactorCategory c : FactorCategory.values()) {
            equal.put(c, 0.2);
        }
        RegimeWeights weights = RegimeWeights.defaults().with(MarketRegime.BULL, equal);
        assertThat(weights.weight(MarketRegime.BULL, FactorCategory.MOMENTUM)).isEqualTo(0.2);
        assertThat(weights.weight(MarketRegime.BEAR, FactorCategory.QUALITY)).isEqualTo(0.30);
    }

    @Test
    void weightsThatDoNotSumToOneAreRefused() {
        Map<FactorCategory, Double> bad = new EnumMap<>(FactorCategory.class);
        for (FactorCategory c : FactorCategory.values()) {
            bad.put(c, 0.3);
        }
        assertThatThrownBy(() -> RegimeWeights.defaults().with(MarketRegime.BEAR, bad))
                .hasMessageContaining("BEAR").hasMessageContaining("sum to 1");
        bad.remove(FactorCategory.GROWTH);
        assertThatThrownBy(() -> RegimeWeights.defaults().with(MarketRegime.BEAR, bad))
                .hasMessageContaining("GROWTH");
    }
}
