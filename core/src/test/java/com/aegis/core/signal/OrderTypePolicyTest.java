package com.aegis.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.OrderType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class OrderTypePolicyTest {

    @Test
    void everyFifthEntryIsAMarketOrderByDefault() {
        OrderTypePolicy policy = OrderTypePolicy.standard();
        List<Long> marketAt = new ArrayList<>();
        for (long n = 0; n < 20; n++) {
            if (policy.typeFor(n) == OrderType.MARKET) {
                marketAt.add(n);
            }
        }
        assertThat(marketAt).containsExactly(4L, 9L, 14L, 19L);
        assertThat(LongStream.range(0, 100).filter(n -> policy.typeFor(n) == OrderType.LIMIT).count()).isEqualTo(80);
    }

    @Test
    void theExtremesAreAllLimitOrAllMarket() {
        assertThat(new OrderTypePolicy(0).typeFor(7)).isEqualTo(OrderType.LIMIT);
        assertThat(new OrderTypePolicy(100).typeFor(7)).isEqualTo(OrderType.MARKET);
        assertThatThrownBy(() -> new OrderTypePolicy(101)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> OrderTypePolicy.standard().typeFor(-1)).hasMessageContaining("negative");
    }

    @Property(tries = 300)
    void anyPrefixHoldsExactlyTheFloorOfItsMarketShare(@ForAll @IntRange(min = 0, max = 100) int percent,
            @ForAll @LongRange(min = 0, max = 2_000) long n) {
        OrderTypePolicy policy = new OrderTypePolicy(percent);
        long markets = LongStream.range(0, n).filter(i -> policy.typeFor(i) == OrderType.MARKET).count();
        assertThat(markets).isEqualTo(n * percent / 100);
    }
}
