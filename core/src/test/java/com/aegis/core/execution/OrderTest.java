package com.aegis.core.execution;

import static com.aegis.core.execution.OrderFixtures.ID;
import static com.aegis.core.execution.OrderFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.Order.ApplyOutcome;
import com.aegis.core.execution.OrderEvent.OrderCanceled;
import com.aegis.core.execution.OrderEvent.OrderExpired;
import com.aegis.core.execution.OrderEvent.OrderFilled;
import com.aegis.core.execution.OrderEvent.OrderPendingCancel;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import com.aegis.core.execution.OrderEvent.OrderUpdated;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final TradeId T1 = TradeId.of("exec-1");
    private static final TradeId T2 = TradeId.of("exec-2");

    @Test
    void aNewOrderIsInitializedWithNothingFilled() {
        Order order = Order.create(OrderFixtures.buyLimit(100, 70_000));
        assertThat(order.status()).isEqualTo(OrderStatus.INITIALIZED);
        assertThat(order.isOpen()).isTrue();
        assertThat(order.leavesQuantity()).isEqualTo(100);
        assertThat(order.averageFillPrice()).isEmpty();
        assertThat(order.events()).hasSize(1);
        assertThat(order.events().get(0).eventType()).isEqualTo("ORDER_INITIALIZED");
    }

    @Test
    void twoFillsCompleteTheOrderWithAnExactAveragePrice() {
        Order order = OrderFixtures.acceptedBuy(100, 70_100);
        assertThat(order.brokerOrderId()).contains(BrokerOrderId.of("0000117057"));

        assertThat(order.fill(T1, 70_000, 30, T0.plusSeconds(3))).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.leavesQuantity()).isEqualTo(70);
        assertThat(order.fillRate()).isEqualTo(0.3);

        order.fill(T2, 70_100, 70, T0.plusSeconds(4));
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        // 30 x 70,000 + 70 x 70,100 = 2,100,000 + 4,907,000
        assertThat(order.filledNotional()).isEqualTo(7_007_000);
        assertThat(order.averageFillPrice()).contains(new BigDecimal("70070.0000"));
        assertThat(order.leavesQuantity()).isZero();
        assertThat(order.fills()).extracting(OrderFilled::leavesQuantity).containsExactly(70L, 0L);
    }

    @Test
    void averagePriceIsRoundedOnlyWhenShownNotWhenKept() {
        Order order = OrderFixtures.acceptedBuy(3, 101);
        order.fill(T1, 100, 1, T0);
        order.fill(T2, 101, 2, T0);
        assertThat(order.filledNotional()).isEqualTo(302);
        assertThat(order.averageFillPrice()).contains(new BigDecimal("100.6667"));
    }

    @Test
    void theSameFillTwiceIsIgnoredAndReported() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.fill(T1, 70_000, 40, T0);
        int events = order.events().size();

        assertThat(order.fill(T1, 70_000, 40, T0.plusSeconds(9))).isEqualTo(ApplyOutcome.DUPLICATE_FILL_IGNORED);
        assertThat(order.apply(new OrderFilled(ID, T0, T1, 70_000, 40, 60)))
                .isEqualTo(ApplyOutcome.DUPLICATE_FILL_IGNORED);

        assertThat(order.filledQuantity()).isEqualTo(40);
        assertThat(order.events()).hasSize(events);
        assertThat(order.duplicateFillsIgnored()).isEqualTo(2);
    }

    @Test
    void aRedeliveredFillAfterTheOrderIsFilledIsStillJustADuplicate() {
        Order order = OrderFixtures.acceptedBuy(10, 70_000);
        order.fill(T1, 70_000, 10, T0);
        assertThat(order.fill(T1, 70_000, 10, T0)).isEqualTo(ApplyOutcome.DUPLICATE_FILL_IGNORED);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aKnownTradeIdWithOtherNumbersIsAConflictNotADuplicate() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.fill(T1, 70_000, 40, T0);
        assertThatThrownBy(() -> order.fill(T1, 70_000, 41, T0))
                .isInstanceOf(ConflictingFillException.class)
                .hasMessageContaining("exec-1").hasMessageContaining("40 shares").hasMessageContaining("41 shares");
        assertThat(order.filledQuantity()).isEqualTo(40);
    }

    @Test
    void anOverfillIsRefusedAndChangesNothing() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.fill(T1, 70_000, 60, T0);
        assertThatThrownBy(() -> order.fill(T2, 70_000, 41, T0))
                .isInstanceOf(OverfillException.class)
                .hasMessageContaining("101 filled shares").hasMessageContaining("100 ordered");
        assertThat(order.filledQuantity()).isEqualTo(60);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.fills()).hasSize(1);
    }

    @Test
    void aFillEventWhoseLeavesDisagreeWithTheOrderIsRefused() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        assertThatThrownBy(() -> order.apply(new OrderFilled(ID, T0, T1, 70_000, 10, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90 are left");
        assertThat(order.filledQuantity()).isZero();
    }

    @Test
    void fillsDuringAPendingCancelCountAndTheCancelCanStillBeRefused() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.apply(new OrderPendingCancel(ID, T0.plusSeconds(30), "unfilled after 30 s"));
        order.fill(T1, 70_000, 25, T0.plusSeconds(31));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(order.filledQuantity()).isEqualTo(25);

        order.cancelRejected("order is being matched", T0.plusSeconds(32));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void aCancelThatLosesTheRaceAgainstTheLastFillLeavesTheOrderFilled() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.apply(new OrderPendingCancel(ID, T0, "unfilled after 30 s"));
        order.fill(T1, 70_000, 100, T0.plusSeconds(1));
        order.cancelRejected("already filled", T0.plusSeconds(2));
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.leavesQuantity()).isZero();
    }

    @Test
    void aCanceledOrderKeepsItsPartialFillAndHasNothingLeft() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.fill(T1, 70_000, 30, T0);
        order.apply(new OrderPendingCancel(ID, T0, "unfilled after 30 s"));
        order.apply(new OrderCanceled(ID, T0.plusSeconds(1)));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.leavesQuantity()).isZero();
        assertThat(order.unfilledQuantity()).isEqualTo(70);
        assertThatThrownBy(() -> order.fill(T2, 70_000, 10, T0.plusSeconds(2)))
                .isInstanceOf(InvalidOrderTransition.class).hasMessageContaining("is CANCELED");
    }

    @Test
    void aFillNoticeThatOvertakesTheAcceptanceIsApplied() {
        Order order = Order.create(OrderFixtures.buyLimit(10, 70_000));
        order.apply(new OrderSubmitted(ID, T0));
        order.fill(T1, 70_000, 4, T0.plusMillis(200));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.brokerOrderId()).isEmpty();
    }

    @Test
    void aConfirmedModificationChangesQuantityAndPrice() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.fill(T1, 70_000, 30, T0);
        order.apply(new OrderUpdated(ID, T0, 50, 70_100));
        assertThat(order.quantity()).isEqualTo(50);
        assertThat(order.limitPrice()).isEqualTo(70_100);
        assertThat(order.leavesQuantity()).isEqualTo(20);
        order.fill(T2, 70_100, 20, T0);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.command().quantity()).isEqualTo(100);
    }

    @Test
    void anOrderCannotBeModifiedToAtMostWhatIsFilled() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.fill(T1, 70_000, 30, T0);
        assertThatThrownBy(() -> order.apply(new OrderUpdated(ID, T0, 30, 70_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 are already filled");
    }

    @Test
    void aMarketOrderCannotBeModified() {
        Order order = Order.create(SubmitOrder.market(ID, OrderFixtures.ACCOUNT, OrderFixtures.SAMSUNG, Market.KOSPI,
                Side.BUY, 10, 70_000, T0));
        order.apply(new OrderSubmitted(ID, T0));
        assertThatThrownBy(() -> order.apply(new OrderUpdated(ID, T0, 5, 70_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MARKET");
    }

    @Test
    void anExpiredDayOrderIsClosed() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        order.apply(new OrderExpired(ID, T0));
        assertThat(order.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(order.isOpen()).isFalse();
    }

    @Test
    void aDeniedOrderRecordsTheReasonCode() {
        Order order = Order.create(OrderFixtures.buyLimit(10, 70_000));
        order.apply(new OrderEvent.OrderDenied(ID, T0, DenialReason.DAILY_LOSS_LIMIT, "loss limit"));
        assertThat(order.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(order.rejectReason()).contains("DAILY_LOSS_LIMIT");
    }

    @Test
    void anEventOfAnotherOrderIsRefused() {
        Order order = Order.create(OrderFixtures.buyLimit(10, 70_000));
        assertThatThrownBy(() -> order.apply(new OrderSubmitted(ClientOrderId.of("other"), T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    }

    @Test
    void replayingTheEventsRebuildsTheSameOrder() {
        Order order = OrderFixtures.acceptedBuy(100, 70_100);
        order.fill(T1, 70_000, 30, T0);
        order.apply(new OrderPendingCancel(ID, T0, "unfilled after 30 s"));
        order.fill(T2, 70_100, 10, T0);
        order.apply(new OrderCanceled(ID, T0));

        Order replayed = Order.replay(order.events());
        assertThat(replayed.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(replayed.filledQuantity()).isEqualTo(40);
        assertThat(replayed.filledNotional()).isEqualTo(order.filledNotional());
        assertThat(replayed.events()).isEqualTo(order.events());
        assertThatThrownBy(() -> Order.replay(order.events().subList(1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDER_INITIALIZED");
    }

    @Test
    void commandsValidateTheirInput() {
        assertThatThrownBy(() -> OrderFixtures.buyLimit(0, 70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 share");
        assertThatThrownBy(() -> OrderFixtures.buyLimit(10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive limit");
        assertThatThrownBy(() -> new SubmitOrder(ID, OrderFixtures.ACCOUNT, OrderFixtures.SAMSUNG, Market.KOSPI,
                Side.BUY, OrderType.MARKET, 10, 70_000, 70_000, java.util.Optional.empty(),
                java.util.Optional.empty(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries no limit price");
        assertThatThrownBy(() -> new CancelOrder(ID, " ", T0)).hasMessageContaining("reason");
        assertThatThrownBy(() -> new ModifyOrder(ID, 0, 70_000, T0)).hasMessageContaining("positive quantity");
    }

    @Test
    void identifiersRefuseBlankOrSpacedValues() {
        assertThatThrownBy(() -> ClientOrderId.of("")).hasMessageContaining("ClientOrderId must not be blank");
        assertThatThrownBy(() -> TradeId.of("a b")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> BrokerOrderId.of("x".repeat(129))).hasMessageContaining("at most 128");
        assertThatThrownBy(() -> SignalId.of(0)).hasMessageContaining("positive");
        assertThat(AccountId.of("5012345601").toString()).isEqualTo("5012345601");
    }
}
