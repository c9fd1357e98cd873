package com.aegis.core.execution;

import static com.aegis.core.execution.OrderFixtures.ID;
import static com.aegis.core.execution.OrderFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderCancelRejected;
import com.aegis.core.execution.OrderEvent.OrderCanceled;
import com.aegis.core.execution.OrderEvent.OrderDenied;
import com.aegis.core.execution.OrderEvent.OrderExpired;
import com.aegis.core.execution.OrderEvent.OrderFilled;
import com.aegis.core.execution.OrderEvent.OrderInitialized;
import com.aegis.core.execution.OrderEvent.OrderModifyRejected;
import com.aegis.core.execution.OrderEvent.OrderPendingCancel;
import com.aegis.core.execution.OrderEvent.OrderRejected;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import com.aegis.core.execution.OrderEvent.OrderUpdated;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (status, event) pair, generated: the allowed ones give the status written below, written out by hand from
 * the order life at KRX; every other pair must throw {@link InvalidOrderTransition}.
 */
class OrderStatusTransitionTest {

    /** One sample per event kind; fills and cancel rejections come in the two variants the table tells apart. */
    private static final Map<String, OrderEvent> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("INITIALIZED", new OrderInitialized(OrderFixtures.buyLimit(10, 70_000)));
        SAMPLES.put("DENIED", new OrderDenied(ID, T0, DenialReason.POSITION_SIZE_LIMIT, "too big"));
        SAMPLES.put("SUBMITTED", new OrderSubmitted(ID, T0));
        SAMPLES.put("ACCEPTED", new OrderAccepted(ID, T0, BrokerOrderId.of("1")));
        SAMPLES.put("REJECTED", new OrderRejected(ID, T0, "40570000", "insufficient margin"));
        SAMPLES.put("FILLED_PARTIAL", new OrderFilled(ID, T0, TradeId.of("t1"), 70_000, 3, 7));
        SAMPLES.put("FILLED_COMPLETE", new OrderFilled(ID, T0, TradeId.of("t2"), 70_000, 10, 0));
        SAMPLES.put("PENDING_CANCEL", new OrderPendingCancel(ID, T0, "unfilled after 30 s"));
        SAMPLES.put("CANCELED", new OrderCanceled(ID, T0));
        SAMPLES.put("EXPIRED", new OrderExpired(ID, T0));
        SAMPLES.put("CANCEL_REJECTED_UNFILLED", new OrderCancelRejected(ID, T0, "no such order", 0));
        SAMPLES.put("CANCEL_REJECTED_PARTLY_FILLED", new OrderCancelRejected(ID, T0, "already filled", 4));
        SAMPLES.put("UPDATED", new OrderUpdated(ID, T0, 12, 70_100));
        SAMPLES.put("MODIFY_REJECTED", new OrderModifyRejected(ID, T0, "price out of range"));
    }

    /** The expected table: status -> sample -> next status. Anything absent is forbidden. */
    private static final Map<OrderStatus, Map<String, OrderStatus>> ALLOWED = new HashMap<>();

    static {
        allow(OrderStatus.INITIALIZED, "DENIED", OrderStatus.DENIED);
        allow(OrderStatus.INITIALIZED, "SUBMITTED", OrderStatus.SUBMITTED);
        allow(OrderStatus.INITIALIZED, "CANCELED", OrderStatus.CANCELED);

        allow(OrderStatus.SUBMITTED, "ACCEPTED", OrderStatus.ACCEPTED);
        allow(OrderStatus.SUBMITTED, "REJECTED", OrderStatus.REJECTED);
        allow(OrderStatus.SUBMITTED, "FILLED_PARTIAL", OrderStatus.PARTIALLY_FILLED);
        allow(OrderStatus.SUBMITTED, "FILLED_COMPLETE", OrderStatus.FILLED);
        allow(OrderStatus.SUBMITTED, "CANCELED", OrderStatus.CANCELED);
        allow(OrderStatus.SUBMITTED, "EXPIRED", OrderStatus.EXPIRED);

        for (OrderStatus resting : List.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED)) {
            allow(resting, "FILLED_PARTIAL", OrderStatus.PARTIALLY_FILLED);
            allow(resting, "FILLED_COMPLETE", OrderStatus.FILLED);
            allow(resting, "PENDING_CANCEL", OrderStatus.PENDING_CANCEL);
            allow(resting, "CANCELED", OrderStatus.CANCELED);
            allow(resting, "EXPIRED", OrderStatus.EXPIRED);
            allow(resting, "UPDATED", resting);
            allow(resting, "MODIFY_REJECTED", resting);
        }

        allow(OrderStatus.PENDING_CANCEL, "FILLED_PARTIAL", OrderStatus.PENDING_CANCEL);
        allow(OrderStatus.PENDING_CANCEL, "FILLED_COMPLETE", OrderStatus.FILLED);
        allow(OrderStatus.PENDING_CANCEL, "CANCELED", OrderStatus.CANCELED);
        allow(OrderStatus.PENDING_CANCEL, "EXPIRED", OrderStatus.EXPIRED);
        allow(OrderStatus.PENDING_CANCEL, "PENDING_CANCEL", OrderStatus.PENDING_CANCEL);
        allow(OrderStatus.PENDING_CANCEL, "CANCEL_REJECTED_UNFILLED", OrderStatus.ACCEPTED);
        allow(OrderStatus.PENDING_CANCEL, "CANCEL_REJECTED_PARTLY_FILLED", OrderStatus.PARTIALLY_FILLED);

        allow(OrderStatus.FILLED, "CANCEL_REJECTED_UNFILLED", OrderStatus.FILLED);
        allow(OrderStatus.FILLED, "CANCEL_REJECTED_PARTLY_FILLED", OrderStatus.FILLED);
    }

    private static void allow(OrderStatus from, String sample, OrderStatus to) {
        ALLOWED.computeIfAbsent(from, s -> new HashMap<>()).put(sample, to);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            for (String sample : SAMPLES.keySet()) {
                pairs.add(Arguments.of(status, sample));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void everyStatusAndEventPairIsEitherListedOrRefused(OrderStatus status, String sample) {
        OrderEvent event = SAMPLES.get(sample);
        OrderStatus expected = ALLOWED.getOrDefault(status, Map.of()).get(sample);
        if (expected != null) {
            assertThat(status.transition(event)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> status.transition(event))
                    .isInstanceOf(InvalidOrderTransition.class)
                    .hasMessageContaining("is " + status)
                    .hasMessageContaining(event.eventType())
                    .hasMessageContaining("reconcile")
                    .satisfies(e -> {
                        InvalidOrderTransition t = (InvalidOrderTransition) e;
                        assertThat(t.status()).isEqualTo(status);
                        assertThat(t.event()).isSameAs(event);
                    });
        }
    }

    @Test
    void theTableCoversEveryStatusAndEveryEventKind() {
        assertThat(everyPair()).hasSize(OrderStatus.values().length * SAMPLES.size());
        Set<OrderEventKind> sampled = SAMPLES.values().stream().map(OrderEvent::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderEventKind.class)));
        assertThat(sampled).containsExactlyInAnyOrder(OrderEventKind.values());
        long allowedRows = ALLOWED.values().stream().mapToLong(Map::size).sum();
        assertThat(allowedRows).isEqualTo(32);
    }

    @Test
    void terminalStatusesTakeNoEventExceptTheLateCancelRejectionOfAFilledOrder() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status.isTerminal() && status != OrderStatus.FILLED) {
                assertThat(ALLOWED.get(status)).as(status.name()).isNull();
            }
        }
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isTerminal))
                .containsExactlyInAnyOrder(OrderStatus.DENIED, OrderStatus.REJECTED, OrderStatus.FILLED,
                        OrderStatus.CANCELED, OrderStatus.EXPIRED);
    }

    @Test
    void everyEventRecordHasItsOwnKind() {
        Class<?>[] types = OrderEvent.class.getPermittedSubclasses();
        assertThat(types).hasSize(OrderEventKind.values().length);
        Map<OrderEventKind, Class<?>> byKind = new HashMap<>();
        for (OrderEvent sample : SAMPLES.values()) {
            byKind.merge(sample.kind(), sample.getClass(), (a, b) -> {
                assertThat(a).isEqualTo(b);
                return a;
            });
        }
        assertThat(byKind.values()).containsExactlyInAnyOrder(types);
        for (Map.Entry<OrderEventKind, Class<?>> e : byKind.entrySet()) {
            assertThat(e.getValue().getSimpleName()).isEqualTo("Order" + Arrays.stream(e.getKey().name().split("_"))
                    .map(w -> w.charAt(0) + w.substring(1).toLowerCase()).collect(Collectors.joining()));
        }
    }

    @Test
    void statusNamesMatchTheOrdersTableCheckConstraint() {
        assertThat(Arrays.stream(OrderStatus.values()).map(Enum::name)).containsExactly("INITIALIZED", "DENIED",
                "SUBMITTED", "ACCEPTED", "REJECTED", "PARTIALLY_FILLED", "FILLED", "PENDING_CANCEL", "CANCELED",
                "EXPIRED");
    }

    @Test
    void eventTypeNamesAreUpperSnakeCase() {
        assertThat(SAMPLES.get("PENDING_CANCEL").eventType()).isEqualTo("ORDER_PENDING_CANCEL");
        assertThat(SAMPLES.get("CANCEL_REJECTED_UNFILLED").eventType()).isEqualTo("ORDER_CANCEL_REJECTED");
        assertThat(SAMPLES.values()).allSatisfy(e -> assertThat(e.eventType()).matches("^[A-Z][A-Z0-9_]*$"));
    }
}
