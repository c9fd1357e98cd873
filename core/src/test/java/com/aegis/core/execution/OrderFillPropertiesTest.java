package com.aegis.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Whatever the fill sequence and redeliveries, the order's numbers stay exact and never exceed the order. */
class OrderFillPropertiesTest {

    @Property(tries = 300)
    void fillsAddUpExactlyAndRedeliveriesAreIgnored(
            @ForAll @LongRange(min = 1, max = 1_000_000) long quantity,
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 1, max = 200_000) Long> fillSizes,
            @ForAll @Size(min = 30, max = 30) List<@LongRange(min = 1, max = 2_000_000) Long> prices,
            @ForAll @IntRange(min = 0, max = 29) int redeliverEvery) {
        Order order = OrderFixtures.acceptedBuy(quantity, 2_000_000);
        long expectedFilled = 0;
        long expectedNotional = 0;
        for (int i = 0; i < fillSizes.size(); i++) {
            long size = fillSizes.get(i);
            long price = prices.get(i);
            TradeId id = TradeId.of("e" + i);
            if (expectedFilled + size > quantity) {
                assertThatThrownBy(() -> order.fill(id, price, size, OrderFixtures.T0))
                        .isInstanceOf(OverfillException.class);
                continue;
            }
            assertThat(order.fill(id, price, size, OrderFixtures.T0)).isEqualTo(Order.ApplyOutcome.APPLIED);
            expectedFilled += size;
            expectedNotional += size * price;
            if (redeliverEvery > 0 && i % redeliverEvery == 0) {
                assertThat(order.fill(id, price, size, OrderFixtures.T0))
                        .isEqualTo(Order.ApplyOutcome.DUPLICATE_FILL_IGNORED);
            }
            if (expectedFilled == quantity) {
                break;
            }
        }
        assertThat(order.filledQuantity()).isEqualTo(expectedFilled);
        assertThat(order.filledNotional()).isEqualTo(expectedNotional);
        assertThat(order.filledQuantity() + order.leavesQuantity()).isEqualTo(quantity);
        assertThat(order.status()).isEqualTo(expectedFilled == quantity ? OrderStatus.FILLED
                : expectedFilled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED);
        if (expectedFilled > 0) {
            assertThat(order.averageFillPrice()).contains(BigDecimal.valueOf(expectedNotional)
                    .divide(BigDecimal.valueOf(expectedFilled), 4, RoundingMode.HALF_EVEN));
        }
        assertThat(Order.replay(order.events()).filledNotional()).isEqualTo(expectedNotional);
    }
}
