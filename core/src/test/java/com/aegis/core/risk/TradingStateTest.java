package com.aegis.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TradingStateTest {

    private static final RiskLimits LIMITS = RiskLimits.defaults();

    @Test
    void activeBecomesReducingExactlyAtTheDailyLossLimit() {
        assertThat(TradingState.ACTIVE.afterDailyPnl(-1_999_999, 100_000_000, LIMITS)).isEqualTo(TradingState.ACTIVE);
        assertThat(TradingState.ACTIVE.afterDailyPnl(-2_000_000, 100_000_000, LIMITS))
                .isEqualTo(TradingState.REDUCING);
        assertThat(TradingState.ACTIVE.afterDailyPnl(-2_000_001, 100_000_000, LIMITS))
                .isEqualTo(TradingState.REDUCING);
    }

    @Test
    void onlyAnOperatorLeavesReducingOrHalted() {
        assertThat(TradingState.REDUCING.afterDailyPnl(5_000_000, 100_000_000, LIMITS))
                .isEqualTo(TradingState.REDUCING);
        assertThat(TradingState.HALTED.afterDailyPnl(-9_000_000, 100_000_000, LIMITS))
                .isEqualTo(TradingState.HALTED);
    }

    @Test
    void withoutStartOfDayEquityThereIsNoPercentageToReach() {
        assertThat(TradingState.dailyLossLimitReached(0, 0, LIMITS)).isFalse();
    }

    @Test
    void whatEachStateAllows() {
        assertThat(TradingState.ACTIVE.allows(false)).isTrue();
        assertThat(TradingState.REDUCING.allows(false)).isFalse();
        assertThat(TradingState.REDUCING.allows(true)).isTrue();
        assertThat(TradingState.HALTED.allows(true)).isFalse();
    }
}
