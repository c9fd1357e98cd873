package com.aegis.core.execution;

import static com.aegis.core.execution.OrderFixtures.ACCOUNT;
import static com.aegis.core.execution.OrderFixtures.SAMSUNG;
import static com.aegis.core.execution.OrderFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderPendingCancel;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelSweepTest {

    private static Order order(String id, int acceptedAfterSeconds) {
        ClientOrderId cid = ClientOrderId.of(id);
        Order o = Order.create(SubmitOrder.limit(cid, ACCOUNT, SAMSUNG, Market.KOSPI, Side.BUY, 10, 70_000, 70_000,
                T0));
        o.apply(new OrderSubmitted(cid, T0));
        o.apply(new OrderAccepted(cid, T0.plusSeconds(acceptedAfterSeconds), BrokerOrderId.of(id)));
        return o;
    }

    @Test
    void ordersRestingThirtySecondsOrMoreAreCanceled() {
        Order old = order("old", 0);
        Order partlyFilled = order("part", 0);
        partlyFilled.fill(TradeId.of("e1"), 70_000, 4, T0.plusSeconds(5));
        Order young = order("young", 1);
        Order pending = order("pending", 0);
        pending.apply(new OrderPendingCancel(pending.clientOrderId(), T0.plusSeconds(10), "operator"));

        List<CancelOrder> cancels = CancelSweep.unfilledAfter(List.of(old, partlyFilled, young, pending),
                T0.plusSeconds(30), CancelSweep.DEFAULT_UNFILLED_TIMEOUT);

        assertThat(cancels).extracting(c -> c.clientOrderId().value()).containsExactly("old", "part");
        assertThat(cancels.get(1).reason()).isEqualTo("unfilled 6 of 10 shares after 30 s");
        assertThat(cancels).allSatisfy(c -> assertThat(c.requestedAt()).isEqualTo(T0.plusSeconds(30)));
    }

    @Test
    void haltingCancelsEveryOrderThatCanStillTrade() {
        Order accepted = order("a", 0);
        Order fresh = Order.create(SubmitOrder.limit(ClientOrderId.of("b"), ACCOUNT, SAMSUNG, Market.KOSPI, Side.SELL,
                1, 70_000, 70_000, T0));
        Order filled = order("c", 0);
        filled.fill(TradeId.of("e2"), 70_000, 10, T0);

        List<CancelOrder> cancels = CancelSweep.allOpen(List.of(accepted, fresh, filled), "trading halted", T0);

        assertThat(cancels).extracting(c -> c.clientOrderId().value()).containsExactly("a", "b");
        assertThat(cancels.get(0).reason()).isEqualTo("trading halted");
    }
}
