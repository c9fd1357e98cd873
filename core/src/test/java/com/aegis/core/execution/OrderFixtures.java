package com.aegis.core.execution;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Orders and events for tests: a Samsung Electronics order on a Wednesday morning in 2026. */
final class OrderFixtures {

    static final ClientOrderId ID = ClientOrderId.of("wf-1:order");
    static final AccountId ACCOUNT = AccountId.of("5012345601");
    static final Symbol SAMSUNG = Symbol.of("005930");
    static final Instant T0 = kst(2026, 3, 4, 10, 0);

    private OrderFixtures() {
    }

    static Instant kst(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(ZoneId.of("Asia/Seoul")).toInstant();
    }

    static SubmitOrder buyLimit(long quantity, long limitPrice) {
        return SubmitOrder.limit(ID, ACCOUNT, SAMSUNG, Market.KOSPI, Side.BUY, quantity, limitPrice, limitPrice, T0);
    }

    static Order acceptedBuy(long quantity, long limitPrice) {
        Order order = Order.create(buyLimit(quantity, limitPrice));
        order.apply(new OrderEvent.OrderSubmitted(ID, T0.plusSeconds(1)));
        order.apply(new OrderEvent.OrderAccepted(ID, T0.plusSeconds(2), BrokerOrderId.of("0000117057")));
        return order;
    }
}
