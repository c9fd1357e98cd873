package com.aegis.activities.broker;

import static com.aegis.activities.broker.KisExchangeFixture.HYNIX;
import static com.aegis.activities.broker.KisExchangeFixture.SAMSUNG;
import static com.aegis.db.jooq.Tables.BROKER_ORDER_NUMBER;
import static com.aegis.db.jooq.Tables.BROKER_SUBMISSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.aegis.activities.kis.rest.KisCashOrder;
import com.aegis.activities.kis.rest.KisErrorKind;
import com.aegis.activities.kis.rest.KisException;
import com.aegis.activities.kis.rest.KisOrderAck;
import com.aegis.activities.kis.rest.KisOrderNumber;
import com.aegis.activities.kis.rest.KisOrderType;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import com.aegis.marketsim.kis.rest.KisMessages;
import com.aegis.marketsim.kis.rest.KisVenue;
import com.aegis.workflows.orders.BrokerActivities.BrokerOrder;
import com.aegis.workflows.orders.BrokerActivities.BrokerStatus;
import com.aegis.workflows.orders.BrokerActivities.CancelRequest;
import com.aegis.workflows.orders.BrokerActivities.CancelResult;
import com.aegis.workflows.orders.BrokerActivities.Inquiry;
import com.aegis.workflows.orders.BrokerActivities.Leg;
import com.aegis.workflows.orders.BrokerActivities.ModifyRequest;
import com.aegis.workflows.orders.BrokerActivities.ModifyResult;
import com.aegis.workflows.orders.BrokerActivities.SubmitRequest;
import com.aegis.workflows.orders.BrokerActivities.SubmitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker adapter against the local stack's PostgreSQL and the simulated KIS service with the matching engine
 * behind it. Ledger rows with keys {@code kbt-*} on {@value #DAY_TEXT} belong to this class.
 */
class KisBrokerActivitiesTest {

    private static final String DAY_TEXT = "2026-09-16";
    private static final LocalDate DAY = LocalDate.parse(DAY_TEXT);
    private static final String KEY_PREFIX = "kbt-";

    private static DSLContext dsl;

    @TempDir
    Path tokens;

    private KisExchangeFixture kis;
    private KisBrokerActivities broker;
    private final AtomicInteger keys = new AtomicInteger();

    @BeforeAll
    static void database() {
        DataSource dataSource = LocalStack.sharedForTests().dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @BeforeEach
    void start() {
        removeRows();
        kis = new KisExchangeFixture(DAY, tokens);
        broker = new KisBrokerActivities(kis.client, dsl, kis.clock());
    }

    @AfterEach
    void stop() {
        kis.close();
        removeRows();
    }

    private static void removeRows() {
        dsl.deleteFrom(BROKER_ORDER_NUMBER).where(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY.startsWith(KEY_PREFIX))
                .execute();
        dsl.deleteFrom(BROKER_SUBMISSION).where(BROKER_SUBMISSION.BROKER_ORDER_KEY.startsWith(KEY_PREFIX)).execute();
    }

    private SubmitRequest limitBuy(Symbol symbol, long price, long quantity) {
        String workflowId = KEY_PREFIX + "wf-" + keys.incrementAndGet();
        return new SubmitRequest(workflowId + "-1", workflowId, "main", symbol.code(), Market.KOSPI, Side.BUY,
                OrderType.LIMIT, quantity, price);
    }

    @Test
    void submitPlacesOneOrderPerKeyWhenRepeatedAndWhenTwoWorkersRace() throws Exception {
        SubmitRequest request = limitBuy(SAMSUNG, 9_900, 10);
        // A slow order answer keeps the first worker inside its broker call while the second arrives.
        kis.server.setFaultPolicy((operation, time, seq) -> operation.equals("order-cash")
                ? new FaultDecision(FaultOutcome.PROCEED, Duration.ofMillis(300), Duration.ZERO)
                : FaultDecision.CLEAN);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<SubmitResult> first = workers.submit(() -> {
                go.await();
                return broker.submit(request);
            });
            Future<SubmitResult> second = workers.submit(() -> {
                go.await();
                return broker.submit(request);
            });
            go.countDown();
            SubmitResult a = first.get(20, TimeUnit.SECONDS);
            SubmitResult b = second.get(20, TimeUnit.SECONDS);
            assertThat(a.accepted()).isTrue();
            assertThat(b).isEqualTo(a);
        } finally {
            workers.shutdownNow();
        }
        SubmitResult again = broker.submit(request);

        List<KisVenue.OrderRecord> orders = kis.ourOrders();
        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.orderNo()).isEqualTo(again.brokerOrderId());
            assertThat(o.orderQuantity()).isEqualTo(10);
            assertThat(o.orderPrice()).isEqualTo(9_900);
        });
        assertThat(kis.server.requestsTo("order-cash")).isEqualTo(1);
        assertThat(broker.ledger().workflowIdOf(DAY, again.brokerOrderId())).contains(request.clientOrderId());
        assertThat(broker.ledger().workflowIdOf(DAY.minusDays(1), again.brokerOrderId())).isEmpty();
        assertThat(broker.ledger().orderNumbers(request.brokerOrderKey())).singleElement()
                .satisfies(n -> {
                    assertThat(n.seq()).isZero();
                    assertThat(n.branchNo()).isNotBlank();
                });
        assertThat(broker.inquire(new Inquiry(request.brokerOrderKey(), again.brokerOrderId())).status())
                .isEqualTo(BrokerStatus.OPEN);
    }

    @Test
    void aSubmitWhoseAnswerWasLostIsFoundAtKisAndNotPlacedTwice() {
        // The first attempt wrote its intent and reached KIS, but its answer never came back.
        SubmitRequest request = limitBuy(SAMSUNG, 9_800, 7);
        BrokerLedger ledger = broker.ledger();
        assertThat(ledger.recordIntent(new BrokerLedger.Intent(request.brokerOrderKey(), request.clientOrderId(),
                request.accountId(), DAY, SAMSUNG, Side.BUY, OrderType.LIMIT, 7, 9_800), kis.clock().instant()))
                .isTrue();
        KisOrderAck lost = kis.client.placeOrder(KisCashOrder.limit(SAMSUNG, Side.BUY, 9_800, 7));

        SubmitResult retried = broker.submit(request);

        assertThat(retried).isEqualTo(SubmitResult.accepted(lost.orderNumber().value()));
        assertThat(kis.ourOriginalOrders()).hasSize(1);
        assertThat(kis.server.requestsTo("order-cash")).isEqualTo(1);
        assertThat(ledger.submission(request.brokerOrderKey()).orElseThrow().state())
                .isEqualTo(BrokerLedger.State.PLACED);

        // A second lost order with the same terms is not mistaken for the first (its number is taken).
        SubmitRequest twin = limitBuy(SAMSUNG, 9_800, 7);
        ledger.recordIntent(new BrokerLedger.Intent(twin.brokerOrderKey(), twin.clientOrderId(), twin.accountId(),
                DAY, SAMSUNG, Side.BUY, OrderType.LIMIT, 7, 9_800), kis.clock().instant());
        KisOrderAck lostTwin = kis.client.placeOrder(KisCashOrder.limit(SAMSUNG, Side.BUY, 9_800, 7));
        BrokerOrder found = broker.inquire(new Inquiry(twin.brokerOrderKey(), null));
        assertThat(found.status()).isEqualTo(BrokerStatus.OPEN);
        assertThat(found.brokerOrderId()).isEqualTo(lostTwin.orderNumber().value());
        assertThat(broker.submit(twin)).isEqualTo(SubmitResult.accepted(lostTwin.orderNumber().value()));
        assertThat(kis.ourOriginalOrders()).hasSize(2);
    }

    @Test
    void anUnreadableAnswerToAnOrderThatReachedKisIsReconciledOnTheRetry() {
        SubmitRequest request = limitBuy(HYNIX, 99_000, 3);
        AtomicInteger orderCalls = new AtomicInteger();
        kis.server.setFaultPolicy((operation, time, seq) -> operation.equals("order-cash")
                && orderCalls.incrementAndGet() == 1
                ? new FaultDecision(FaultOutcome.MALFORMED, Duration.ZERO, Duration.ZERO) : FaultDecision.CLEAN);

        assertThatThrownBy(() -> broker.submit(request)).isInstanceOfSatisfying(KisException.class, e -> {
            assertThat(e.kind()).isEqualTo(KisErrorKind.PROTOCOL);
            assertThat(e.getMessage()).doesNotContain(KisExchangeFixture.OURS.cano())
                    .doesNotContain(KisExchangeFixture.APP_KEY).doesNotContain(KisExchangeFixture.APP_SECRET);
        });
        assertThat(broker.ledger().submission(request.brokerOrderKey()).orElseThrow().state())
                .isEqualTo(BrokerLedger.State.INTENT);
        assertThat(kis.ourOriginalOrders()).hasSize(1);

        SubmitResult retried = broker.submit(request);
        assertThat(retried.accepted()).isTrue();
        assertThat(retried.brokerOrderId()).isEqualTo(kis.ourOriginalOrders().get(0).orderNo());
        assertThat(kis.server.requestsTo("order-cash")).isEqualTo(1);
        kis.server.setFaultPolicy(KisFaultPolicy.none());
    }

    @Test
    void anIntentThatNeverReachedKisIsNotFoundByInquiryAndPlacedBySubmit() {
        SubmitRequest request = limitBuy(SAMSUNG, 9_700, 4);
        broker.ledger().recordIntent(new BrokerLedger.Intent(request.brokerOrderKey(), request.clientOrderId(),
                request.accountId(), DAY, SAMSUNG, Side.BUY, OrderType.LIMIT, 4, 9_700), kis.clock().instant());

        assertThat(broker.inquire(new Inquiry(request.brokerOrderKey(), null))).isEqualTo(BrokerOrder.notFound());
        assertThat(kis.server.requestsTo("order-cash")).isZero();

        SubmitResult placed = broker.submit(request);
        assertThat(placed.accepted()).isTrue();
        assertThat(kis.ourOriginalOrders()).extracting(KisVenue.OrderRecord::orderNo)
                .containsExactly(placed.brokerOrderId());
    }

    @Test
    void anIntentOfAnEarlierDayThatNeverReachedKisIsNotPlacedToday() {
        SubmitRequest request = limitBuy(SAMSUNG, 9_700, 4);
        broker.ledger().recordIntent(new BrokerLedger.Intent(request.brokerOrderKey(), request.clientOrderId(),
                request.accountId(), DAY.minusDays(1), SAMSUNG, Side.BUY, OrderType.LIMIT, 4, 9_700),
                kis.clock().instant().minus(Duration.ofDays(1)));

        SubmitResult result = broker.submit(request);
        assertThat(result.accepted()).isFalse();
        assertThat(result.reasonCode()).isEqualTo(KisBrokerActivities.EXPIRED);
        assertThat(kis.server.requestsTo("order-cash")).isZero();
        assertThat(broker.submit(request)).isEqualTo(result);
    }

    @Test
    void rejectionsAreRecordedAndAnsweredAgainWithoutCallingKis() {
        SubmitRequest tooExpensive = limitBuy(HYNIX, 100_000, 1_000);
        SubmitResult rejected = broker.submit(tooExpensive);
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.reasonCode()).isEqualTo(KisMessages.INSUFFICIENT_CASH);
        assertThat(rejected.message()).startsWith("주문가능금액").doesNotContain("refused by the broker")
                .doesNotContain(KisExchangeFixture.OURS.cano());

        SubmitRequest aboveLimit = limitBuy(SAMSUNG, 13_500, 1);
        assertThat(broker.submit(aboveLimit).reasonCode()).isEqualTo(KisMessages.INVALID_PRICE);
        long calls = kis.server.requestsTo("order-cash");
        assertThat(calls).isEqualTo(2);

        assertThat(broker.submit(tooExpensive)).isEqualTo(rejected);
        assertThat(kis.server.requestsTo("order-cash")).isEqualTo(calls);
        BrokerOrder inquired = broker.inquire(new Inquiry(tooExpensive.brokerOrderKey(), null));
        assertThat(inquired.status()).isEqualTo(BrokerStatus.REJECTED);
        assertThat(inquired.reasonCode()).isEqualTo(KisMessages.INSUFFICIENT_CASH);
        assertThat(kis.ourOrders()).isEmpty();
    }

    @Test
    void aKeyCannotBeReusedForAnotherOrder() {
        SubmitRequest request = limitBuy(SAMSUNG, 9_900, 2);
        broker.submit(request);
        SubmitRequest other = new SubmitRequest(request.brokerOrderKey(), request.clientOrderId(), "main",
                SAMSUNG.code(), Market.KOSPI, Side.BUY, OrderType.LIMIT, 3, 9_900);
        assertThatThrownBy(() -> broker.submit(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(request.brokerOrderKey());
        assertThat(kis.ourOrders()).hasSize(1);
    }

    @Test
    void cancelTakesTheRemainderOffAndIsRefusedOnceNothingIsOpen() {
        SubmitRequest request = limitBuy(SAMSUNG, 9_900, 10);
        String number = broker.submit(request).brokerOrderId();
        kis.crowd(SAMSUNG, Side.SELL, 9_900, 3);

        CancelResult cancel = broker.cancel(new CancelRequest(request.brokerOrderKey(), number, "test"));
        assertThat(cancel.accepted()).isTrue();
        BrokerOrder after = broker.inquire(new Inquiry(request.brokerOrderKey(), number));
        assertThat(after.status()).isEqualTo(BrokerStatus.CANCELED);
        assertThat(after.filledQuantity()).isEqualTo(3);
        assertThat(after.legs()).extracting(Leg::brokerOrderId, Leg::filledQuantity, Leg::filledAmount)
                .containsExactly(tuple(number, 3L, 29_700L));
        assertThat(kis.venue.orderBook(SAMSUNG).orElseThrow().bids()).isEmpty();

        CancelResult again = broker.cancel(new CancelRequest(request.brokerOrderKey(), number, "test"));
        assertThat(again.accepted()).isFalse();
        assertThat(again.reasonCode()).isEqualTo(KisMessages.ORDER_NOT_OPEN);
        assertThat(broker.cancel(new CancelRequest(KEY_PREFIX + "unknown-1", null, "test")).reasonCode())
                .isEqualTo(KisBrokerActivities.NOT_PLACED);
    }

    @Test
    void modifyRenumbersTheOrderAndInquiryListsTheFillsUnderEachNumber() {
        SubmitRequest request = limitBuy(SAMSUNG, 9_900, 10);
        String original = broker.submit(request).brokerOrderId();
        kis.crowd(SAMSUNG, Side.SELL, 9_900, 4);

        ModifyResult modified = broker.modify(new ModifyRequest(request.brokerOrderKey(), original, 10, 10_000));
        assertThat(modified.accepted()).isTrue();
        String renumbered = modified.newBrokerOrderId();
        assertThat(renumbered).isNotEqualTo(original);
        assertThat(broker.ledger().workflowIdOf(DAY, renumbered)).contains(request.clientOrderId());

        BrokerOrder open = broker.inquire(new Inquiry(request.brokerOrderKey(), renumbered));
        assertThat(open.status()).isEqualTo(BrokerStatus.OPEN);
        assertThat(open.brokerOrderId()).isEqualTo(renumbered);
        assertThat(open.limitPrice()).isEqualTo(10_000);
        assertThat(open.quantity()).isEqualTo(10);
        assertThat(open.legs()).extracting(Leg::brokerOrderId, Leg::filledQuantity)
                .containsExactly(tuple(original, 4L),
                        tuple(renumbered, 0L));

        ModifyResult refused = broker.modify(new ModifyRequest(request.brokerOrderKey(), renumbered, 10, 13_500));
        assertThat(refused).extracting(ModifyResult::accepted, ModifyResult::newBrokerOrderId,
                ModifyResult::reasonCode).containsExactly(false, null, KisMessages.INVALID_PRICE);
        assertThat(broker.ledger().orderNumbers(request.brokerOrderKey())).hasSize(2);

        kis.crowd(SAMSUNG, Side.SELL, 10_000, 6);
        BrokerOrder filled = broker.inquire(new Inquiry(request.brokerOrderKey(), renumbered));
        assertThat(filled.status()).isEqualTo(BrokerStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualTo(10);
        assertThat(filled.legs()).extracting(Leg::brokerOrderId, Leg::filledQuantity, Leg::filledAmount)
                .containsExactly(tuple(original, 4L, 39_600L),
                        tuple(renumbered, 6L, 60_000L));
        List<KisVenue.OrderRecord> venueRows = kis.ourOrders();
        assertThat(filled.legs().stream().mapToLong(Leg::filledQuantity).sum())
                .isEqualTo(venueRows.stream().mapToLong(KisVenue.OrderRecord::filledQuantity).sum());
        assertThat(filled.legs().stream().mapToLong(Leg::filledAmount).sum())
                .isEqualTo(venueRows.stream().mapToLong(KisVenue.OrderRecord::filledAmount).sum());

        ModifyResult late = broker.modify(new ModifyRequest(request.brokerOrderKey(), renumbered, 10, 10_100));
        assertThat(late.accepted()).isFalse();
        assertThat(late.reasonCode()).isEqualTo(KisBrokerActivities.NOTHING_OPEN);
    }

    @Test
    void aModificationWhoseAnswerWasLostIsPickedUpFromKis() {
        SubmitRequest request = limitBuy(SAMSUNG, 9_800, 5);
        String original = broker.submit(request).brokerOrderId();
        // Modified at KIS, but the ledger never heard the answer.
        KisOrderAck lost = kis.client.modifyOrder(new KisOrderNumber(original), "",
                KisOrderType.LIMIT, 9_900, 5);

        ModifyResult retried = broker.modify(new ModifyRequest(request.brokerOrderKey(), original, 5, 9_900));
        assertThat(retried).extracting(ModifyResult::accepted, ModifyResult::newBrokerOrderId)
                .containsExactly(true, lost.orderNumber().value());
        assertThat(broker.ledger().orderNumbers(request.brokerOrderKey()))
                .extracting(BrokerLedger.OrderNumber::brokerOrderNo).containsExactly(original,
                        lost.orderNumber().value());
        assertThat(broker.cancel(new CancelRequest(request.brokerOrderKey(), original, "test")).accepted()).isTrue();
        assertThat(broker.inquire(new Inquiry(request.brokerOrderKey(), null)).status())
                .isEqualTo(BrokerStatus.CANCELED);
    }

    @Test
    void inquiryOfAnUnknownKeyIsNotFound() {
        assertThat(broker.inquire(new Inquiry(KEY_PREFIX + "never-submitted-1", null)))
                .isEqualTo(BrokerOrder.notFound());
        assertThat(broker.ledger().workflowIdOf(DAY, "0000009999")).isEmpty();
    }
}
