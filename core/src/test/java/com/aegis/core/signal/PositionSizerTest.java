package com.aegis.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.krx.TradingCosts;
import com.aegis.core.risk.RiskLimits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PositionSizerTest {

    private static final long EQUITY = 100_000_000;
    private final PositionSizer sizer = PositionSizer.standard();

    @Test
    void aTenPercentTargetBuysExactlyTenPercent() {
        assertThat(sizer.buy(EQUITY, EQUITY, 50_000, 0, 1_000)).isEqualTo(new OrderSize(200, SizeLimit.TARGET_WEIGHT));
    }

    @Test
    void aLargerTargetIsCutToThePerTradeLimit() {
        assertThat(sizer.buy(EQUITY, EQUITY, 50_000, 0, 2_000)).isEqualTo(new OrderSize(200, SizeLimit.TRADE_LIMIT));
    }

    @Test
    void whatIsHeldCountsTowardsTheTarget() {
        assertThat(sizer.buy(EQUITY, EQUITY, 50_000, 150, 1_000)).isEqualTo(new OrderSize(50, SizeLimit.TARGET_WEIGHT));
        assertThat(sizer.buy(EQUITY, EQUITY, 50_000, 250, 1_000).isEmpty()).isTrue();
    }

    @Test
    void cashIncludingCommissionBoundsTheBuy() {
        // 100 x 50,000 + 750 commission does not fit in 5,000,000; 99 shares do
        assertThat(sizer.buy(EQUITY, 5_000_000, 50_000, 0, 1_000)).isEqualTo(new OrderSize(99, SizeLimit.CASH));
        assertThat(sizer.buy(EQUITY, 5_000_750, 50_000, 0, 1_000)).isEqualTo(new OrderSize(100, SizeLimit.CASH));
    }

    @Test
    void theOrderNotionalCapBoundsTheBuy() {
        PositionSizer capped = new PositionSizer(RiskLimits.defaults().withMaxOrderNotional(1_234_567),
                TradingCosts.standard(), 1);
        assertThat(capped.buy(EQUITY, EQUITY, 50_000, 0, 1_000)).isEqualTo(new OrderSize(24, SizeLimit.ORDER_NOTIONAL));
    }

    @Test
    void quantitiesRoundDownToWholeLots() {
        PositionSizer lots = new PositionSizer(RiskLimits.defaults(), TradingCosts.standard(), 10);
        assertThat(lots.buy(EQUITY, EQUITY, 70_000, 0, 1_000).quantity()).isEqualTo(140); // 142.86 -> 140
        assertThat(lots.sell(57).quantity()).isEqualTo(50);
    }

    @Test
    void aSellSignalExitsTheWholePosition() {
        assertThat(sizer.sell(123)).isEqualTo(new OrderSize(123, SizeLimit.SHARES_HELD));
        assertThatThrownBy(() -> sizer.sell(-1)).hasMessageContaining("negative");
    }

    @Test
    void badInputsAreRefused() {
        assertThatThrownBy(() -> sizer.buy(EQUITY, EQUITY, 0, 0, 1_000)).hasMessageContaining("price");
        assertThatThrownBy(() -> sizer.buy(EQUITY, EQUITY, 1, 0, 0)).hasMessageContaining("target weight");
        assertThatThrownBy(() -> new PositionSizer(RiskLimits.defaults(), TradingCosts.standard(), 0))
                .hasMessageContaining("lot size");
    }

    @Property(tries = 500)
    void aBuyNeverExceedsAnyLimit(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long equity,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long cash,
            @ForAll @LongRange(min = 1, max = 3_000_000) long price,
            @ForAll @LongRange(min = 0, max = 100_000) long held,
            @ForAll @IntRange(min = 1, max = 10_000) int targetBps) {
        RiskLimits limits = RiskLimits.defaults();
        long q = sizer.buy(equity, cash, price, held, targetBps).quantity();
        long notional = q * price;
        assertThat(notional * 10_000).isLessThanOrEqualTo(equity * (long) limits.maxTradeWeightBps());
        assertThat(notional).isLessThanOrEqualTo(limits.maxOrderNotional());
        assertThat(notional + TradingCosts.standard().commission(notional)).isLessThanOrEqualTo(cash);
        assertThat((held + q) * price * 10_000)
                .isLessThanOrEqualTo(Math.max(equity * targetBps, held * price * 10_000));
    }
}
