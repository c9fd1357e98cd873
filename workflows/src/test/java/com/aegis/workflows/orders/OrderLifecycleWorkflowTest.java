package com.aegis.workflows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.orders.InMemoryOrderWorld.Script;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order lifecycle against a simulated broker on the Temporal test server with time skipping. */
class OrderLifecycleWorkflowTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Monday 2026-11-30, 09:30 KST: continuous trading. */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Instant OPEN = LocalDateTime.of(2026, 11, 30, 9, 30).atZone(SEOUL).toInstant();
    private static final String ACCOUNT = "50012345-01";

    private TestWorkflowEnvironment env;
    private InMemoryOrderWorld world;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setInitialTime(OPEN).build());
        world = new InMemoryOrderWorld(() -> Instant.ofEpochMilli(env.currentTimeMillis()));
        client = env.getWorkflowClient();
        world.connect(client);
        env.newWorker(TaskQueues.ORDERS).registerWorkflowImplementationTypes(OrderLifecycleWorkflowImpl.class,
                ExecutionAlgoWorkflowImpl.class);
        env.getWorkerFactory().getWorker(TaskQueues.ORDERS).registerActivitiesImplementations(world);
        env.newWorker(TaskQueues.BROKER).registerActivitiesImplementations(world);
        env.start();
    }

    @AfterEach
    void close() {
        env.close();
    }

    private static OrderDecision buy(String symbol, long quantity, long limit, long signal) {
        return OrderDecision.limit(DAY, ACCOUNT, symbol, Market.KOSPI, Side.BUY, quantity, limit, limit, signal, OPEN);
    }

    private OrderLifecycleWorkflow stub(OrderDecision decision) {
        return client.newWorkflowStub(OrderLifecycleWorkflow.class, OrderLifecycleWorkflow.options(decision));
    }

    private OrderState state(String workflowId) {
        return client.newWorkflowStub(OrderLifecycleWorkflow.class, workflowId).state();
    }

    private static List<String> types(OrderState state) {
        return state.events().stream().map(OrderEventRecord::eventType).toList();
    }

    @Test
    void aFullFillEndsFilledWithItsAveragePriceCostsAndStoredReport() {
        world.fillsOnAccept.put("005930", List.of(new Script("T1", 70_000, 60), new Script("T2", 69_900, 40)));
        OrderDecision decision = buy("005930", 100, 70_000, 11);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualTo(100);
        assertThat(report.averagePrice()).isEqualByComparingTo("69960");
        assertThat(report.filledNotional()).isEqualTo(6_996_000);
        // 1.5 bp commission per fill: 4,200,000 → 630, 2,796,000 → 419; no tax on a buy.
        TradingCosts costs = TradingCosts.standard();
        assertThat(report.commission()).isEqualTo(costs.commission(4_200_000) + costs.commission(2_796_000));
        assertThat(report.tax()).isZero();
        assertThat(report.slippageKrw()).isEqualTo(-4_000);
        assertThat(report.closeReason()).isEqualTo("filled");
        assertThat(report.brokerOrderId()).startsWith("KIS");
        assertThat(world.reports.get(decision.workflowId())).isEqualTo(report);
        assertThat(world.storedEventTypes(decision.workflowId())).containsExactly("ORDER_INITIALIZED",
                "ORDER_SUBMITTED", "ORDER_ACCEPTED", "ORDER_FILLED", "ORDER_FILLED");
        assertThat(world.orders.get(decision.workflowId()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(world.cancelCalls).hasValue(0);
        OrderState state = state(decision.workflowId());
        assertThat(state.filledQuantity()).isEqualTo(100);
        assertThat(state.averagePrice()).isEqualByComparingTo(new BigDecimal("69960"));
        assertThat(state.brokerOrderKey()).isEqualTo(decision.workflowId() + "-1");
    }

    @Test
    void aPartialFillHasItsRemainderCanceledThirtySecondsAfterAcceptance() {
        world.fillsOnAccept.put("000660", List.of(new Script("T7", 120_000, 30)));
        OrderDecision decision = OrderDecision.limit(DAY, ACCOUNT, "000660", Market.KOSPI, Side.SELL, 100, 120_000,
                120_500, 12, OPEN);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(report.filledQuantity()).isEqualTo(30);
        assertThat(report.averagePrice()).isEqualByComparingTo("120000");
        TradingCosts costs = TradingCosts.standard();
        assertThat(report.commission()).isEqualTo(costs.commission(3_600_000));
        assertThat(report.tax()).isEqualTo(costs.sellTax(Market.KOSPI, DAY, 3_600_000)).isPositive();
        // Sold 500 KRW below the decision price on 30 shares.
        assertThat(report.slippageKrw()).isEqualTo(15_000);
        assertThat(report.closeReason()).isEqualTo("unfilled 70 of 100 shares 30 s after acceptance");
        OrderState state = state(decision.workflowId());
        assertThat(types(state)).containsExactly("ORDER_INITIALIZED", "ORDER_SUBMITTED", "ORDER_ACCEPTED",
                "ORDER_FILLED", "ORDER_PENDING_CANCEL", "ORDER_CANCELED");
        Instant accepted = state.events().get(2).occurredAt();
        // Workflow time runs on while the cancel and the inquiry are in flight, hence the margin.
        assertThat(Duration.between(accepted, state.events().get(5).occurredAt()))
                .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(32));
        assertThat(world.cancelCalls).hasValue(1);
        assertThat(world.placed.values()).singleElement().satisfies(p -> assertThat(p.status)
                .isEqualTo(BrokerActivities.BrokerStatus.CANCELED));
    }

    @Test
    void fillsWhoseNoticesWereLostAreTakenFromTheInquiryOnceWithTheirExactValue() {
        world.fillsOnAccept.put("035720", List.of(new Script("T1", 50_000, 10)));
        world.silentOnAccept.put("035720", new long[] {50_100, 7});
        OrderDecision decision = OrderDecision.limit(DAY, ACCOUNT, "035720", Market.KOSPI, Side.BUY, 40, 50_100,
                50_000, 21, OPEN);

        OrderExecutionReport report = stub(decision).run(decision);

        // 10 shares from the notice, 7 the notices never delivered from the inquiry at the 30 s cancel.
        assertThat(report.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(report.filledQuantity()).isEqualTo(17);
        assertThat(report.filledNotional()).isEqualTo(10 * 50_000L + 7 * 50_100L);
        OrderState state = state(decision.workflowId());
        assertThat(state.notes()).extracting(OrderState.Note::text)
                .anyMatch(t -> t.startsWith("inquiry: 7 shares at 50100 the notices missed"));
    }

    @Test
    void aCancelThatLosesTheRaceAgainstTheLastFillEndsFilled() {
        world.fillsOnAccept.put("006400", List.of(new Script("T1", 300_000, 4)));
        world.fillRestOnCancel.add("006400");
        OrderDecision decision = buy("006400", 10, 300_000, 22);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualTo(10);
        assertThat(report.fillCount()).isEqualTo(2);
        assertThat(report.closeReason()).isEqualTo("filled");
        OrderState state = state(decision.workflowId());
        assertThat(types(state)).containsExactly("ORDER_INITIALIZED", "ORDER_SUBMITTED", "ORDER_ACCEPTED",
                "ORDER_FILLED", "ORDER_PENDING_CANCEL", "ORDER_FILLED");
        assertThat(state.notes()).extracting(OrderState.Note::text)
                .contains("cancel refused: NOT_OPEN order is FILLED");
        assertThat(world.storedEventTypes(decision.workflowId())).hasSize(6);
    }

    @Test
    void anUnfilledOrderIsRepricedAtTheTenMinuteReviewAndCanceledWhenTheSignalIsStale() {
        world.lastPrices.put("035420", 201_000L);
        OrderDecision decision = buy("035420", 50, 200_000, 13);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.commission()).isZero();
        assertThat(report.closeReason()).startsWith("review: signal stale: decided 30 min ago");
        OrderState state = state(decision.workflowId());
        assertThat(state.reprices()).isEqualTo(1);
        assertThat(state.limitPrice()).isEqualTo(201_000);
        assertThat(state.notes()).extracting(OrderState.Note::text).filteredOn(t -> t.startsWith("review"))
                .containsExactly("review: REPRICE - re-price 200000 -> 201000 (last price 201000)",
                        "review: HOLD - limit 201000 is at the last price",
                        "review: CANCEL - signal stale: decided 30 min ago, signal life 30 min");
        OrderEventRecord updated = state.events().stream()
                .filter(e -> e.eventType().equals("ORDER_UPDATED")).findFirst().orElseThrow();
        assertThat(updated.price()).isEqualTo(201_000);
        assertThat(updated.occurredAt()).isCloseTo(OPEN.plus(Duration.ofMinutes(10)), within(2, ChronoUnit.SECONDS));
        assertThat(types(state)).endsWith("ORDER_PENDING_CANCEL", "ORDER_CANCELED");
        assertThat(state.events().get(state.events().size() - 1).occurredAt())
                .isCloseTo(OPEN.plus(Duration.ofMinutes(30)), within(2, ChronoUnit.SECONDS));
        assertThat(world.modifyCalls).hasValue(1);
        assertThat(world.placed.values()).singleElement().satisfies(p -> assertThat(p.limitPrice)
                .isEqualTo(201_000));
    }

    @Test
    void aBrokerRejectionEndsRejectedWithTheBrokersReasonAndAStoredReport() {
        world.rejectSymbols.put("068270", new String[] {"APBK0919", "order amount exceeds the orderable cash"});
        OrderDecision decision = buy("068270", 10, 180_000, 14);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.rejectReason()).isEqualTo("APBK0919");
        assertThat(report.closeReason()).contains("APBK0919", "orderable cash");
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.brokerOrderId()).isNull();
        assertThat(world.reports).containsKey(decision.workflowId());
        assertThat(world.storedEventTypes(decision.workflowId())).containsExactly("ORDER_INITIALIZED",
                "ORDER_SUBMITTED", "ORDER_REJECTED");
        assertThat(world.orders.get(decision.workflowId()).rejectReason()).isEqualTo("APBK0919");
    }

    @Test
    void aRiskDenialNeverReachesTheBroker() {
        world.denySymbols.put("051910", DenialReason.DUPLICATE_ORDER);
        OrderDecision decision = buy("051910", 10, 400_000, 15);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(report.rejectReason()).isEqualTo("DUPLICATE_ORDER");
        assertThat(world.submitCalls).hasValue(0);
        assertThat(world.storedEventTypes(decision.workflowId())).containsExactly("ORDER_INITIALIZED",
                "ORDER_DENIED");
    }

    @Test
    void anOrderOnAHolidayIsDeniedAsMarketClosed() {
        // Christmas Day 2026 is a Friday; the workflow checks the calendar itself.
        OrderDecision decision = OrderDecision.limit(LocalDate.of(2026, 12, 25), ACCOUNT, "005930", Market.KOSPI,
                Side.BUY, 1, 70_000, 70_000, 16, OPEN);
        env.sleep(Duration.ofDays(25));

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(report.rejectReason()).isEqualTo("MARKET_CLOSED");
        assertThat(report.closeReason()).contains("2026-12-25 is not a trading day");
        assertThat(world.submitCalls).hasValue(0);
    }

    @Test
    void theSameSignalCannotStartASecondOrder() {
        world.fillsOnAccept.put("005380", List.of(new Script("T1", 250_000, 5)));
        OrderDecision decision = buy("005380", 5, 250_000, 17);
        assertThat(decision.workflowId()).isEqualTo("order-2026-11-30-005380-BUY-17");

        WorkflowClient.start(stub(decision)::run, decision);
        assertThatThrownBy(() -> WorkflowClient.start(stub(decision)::run, decision))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(client.newUntypedWorkflowStub(decision.workflowId()).getResult(OrderExecutionReport.class).status())
                .isEqualTo(OrderStatus.FILLED);
        // Not even after the first order finished.
        assertThatThrownBy(() -> WorkflowClient.start(stub(decision)::run, decision))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(world.placed).hasSize(1);
    }

    @Test
    void aRedeliveredFillNoticeIsIgnored() {
        world.fillsOnAccept.put("207940", List.of(new Script("T1", 800_000, 2), new Script("T1", 800_000, 2),
                new Script("T2", 801_000, 2)));
        OrderDecision decision = buy("207940", 4, 801_000, 18);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualTo(4);
        assertThat(report.fillCount()).isEqualTo(2);
        assertThat(report.averagePrice()).isEqualByComparingTo("800500");
        OrderState state = state(decision.workflowId());
        assertThat(state.duplicateFillsIgnored()).isEqualTo(1);
        assertThat(state.notes()).extracting(OrderState.Note::text).anyMatch(t -> t.startsWith("duplicate fill ") && t.endsWith("-c2 ignored"));
    }

    @Test
    void anOperatorCancelCancelsTheOpenOrder() throws InterruptedException {
        OrderDecision decision = buy("035720", 20, 50_000, 19);
        OrderLifecycleWorkflow workflow = stub(decision);
        WorkflowClient.start(workflow::run, decision);
        assertThat(world.accepted.await(10, TimeUnit.SECONDS)).isTrue();

        workflow.cancel("thesis invalidated by the news", "kim.trader");
        OrderExecutionReport report = WorkflowStub.fromTyped(workflow).getResult(OrderExecutionReport.class);

        assertThat(report.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.closeReason()).isEqualTo("operator kim.trader: thesis invalidated by the news");
        assertThat(world.cancelCalls).hasValue(1);
        OrderState state = state(decision.workflowId());
        assertThat(state.events()).filteredOn(e -> e.eventType().equals("ORDER_PENDING_CANCEL"))
                .extracting(OrderEventRecord::message)
                .containsExactly("operator kim.trader: thesis invalidated by the news");
        // Canceled at once, long before the first review.
        assertThat(state.events().get(state.events().size() - 1).occurredAt())
                .isBefore(OPEN.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsReconciledByInquiryWithoutASecondOrder() {
        world.failSubmitAfterPlacing.set(OrderStubs.BROKER_ATTEMPTS);
        world.fillsOnAccept.put("000270", List.of(new Script("T1", 100_000, 10)));
        OrderDecision decision = buy("000270", 10, 100_000, 20);

        OrderExecutionReport report = stub(decision).run(decision);

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualTo(10);
        assertThat(world.submitCalls).hasValue(OrderStubs.BROKER_ATTEMPTS);
        assertThat(world.placed).hasSize(1);
        assertThat(world.inquiries.get()).isPositive();
        OrderState state = state(decision.workflowId());
        assertThat(state.brokerOrderId()).isEqualTo(world.placed.values().iterator().next().brokerOrderId);
        assertThat(state.notes()).extracting(OrderState.Note::text)
                .anyMatch(t -> t.startsWith("submit round 1 failed"))
                .anyMatch(t -> t.startsWith("reconciled: the broker holds KIS"));
        // The notice of T1 arrived too and was recognised as the fill the inquiry had already listed.
        assertThat(report.fillCount()).isEqualTo(1);
        assertThat(report.closeReason()).isEqualTo("filled");
    }

    private ExecutionAlgoWorkflow algo(AlgoOrder order) {
        return client.newWorkflowStub(ExecutionAlgoWorkflow.class,
                OrderLifecycleWorkflow.optionsWithId(order.workflowId()));
    }

    @Test
    void aTwapParentIsSlicedIntoChildOrdersTenMinutesApartAndTheirFillsAreSummed() {
        world.fillAllAt.put("005930", 70_000L);
        AlgoOrder order = new AlgoOrder(buy("005930", 100, 70_000, 30), AlgoOrder.Algo.TWAP, Duration.ofMinutes(30),
                3, List.of());

        AlgoReport report = algo(order).run(order);

        assertThat(report.workflowId()).isEqualTo("algo-2026-11-30-005930-BUY-30");
        assertThat(report.slices()).extracting(OrderExecutionReport::workflowId).containsExactly(
                "algo-2026-11-30-005930-BUY-30-s0", "algo-2026-11-30-005930-BUY-30-s1",
                "algo-2026-11-30-005930-BUY-30-s2");
        assertThat(report.slices()).extracting(OrderExecutionReport::filledQuantity).containsExactly(34L, 33L, 33L);
        assertThat(report.slices()).allSatisfy(s -> assertThat(s.status()).isEqualTo(OrderStatus.FILLED));
        for (int i = 0; i < 3; i++) {
            assertThat(report.slices().get(i).firstFillAt())
                    .isCloseTo(OPEN.plus(Duration.ofMinutes(10L * i)), within(2, ChronoUnit.SECONDS));
        }
        assertThat(report.filledQuantity()).isEqualTo(100);
        assertThat(report.averagePrice()).isEqualByComparingTo("70000");
        TradingCosts costs = TradingCosts.standard();
        assertThat(report.commission()).isEqualTo(costs.commission(34 * 70_000L) + 2 * costs.commission(33 * 70_000L));
        assertThat(report.slippageKrw()).isZero();
        assertThat(report.unslicedQuantity()).isZero();
        assertThat(world.placed).hasSize(3);
        assertThat(world.orders.get("algo-2026-11-30-005930-BUY-30-s1").parentOrderId())
                .isEqualTo("algo-2026-11-30-005930-BUY-30");
        WorkflowExecutionHistory history = client.fetchHistory(order.workflowId());
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, ExecutionAlgoWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void cancelingAParentStopsTheScheduleAndCancelsTheRunningSlice() throws InterruptedException {
        AlgoOrder order = new AlgoOrder(buy("000270", 90, 100_000, 31), AlgoOrder.Algo.VWAP, Duration.ofMinutes(30),
                0, List.of(500L, 300L, 200L));
        ExecutionAlgoWorkflow parent = algo(order);
        WorkflowClient.start(parent::run, order);
        assertThat(world.accepted.await(10, TimeUnit.SECONDS)).isTrue();

        parent.cancel("rebalance withdrawn", "lee.ops");
        AlgoReport report = WorkflowStub.fromTyped(parent).getResult(AlgoReport.class);

        // VWAP 500:300:200 of 90 shares is 45, 27 and 18; only the first slice had started.
        assertThat(report.slices()).singleElement().satisfies(s -> {
            assertThat(s.orderedQuantity()).isEqualTo(45);
            assertThat(s.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(s.closeReason()).isEqualTo("operator lee.ops: parent algo-2026-11-30-000270-BUY-31 canceled:"
                    + " rebalance withdrawn");
        });
        assertThat(report.unslicedQuantity()).isEqualTo(45);
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.closeReason()).isEqualTo("canceled by lee.ops: rebalance withdrawn");
        assertThat(world.placed).hasSize(1);
    }

    @Test
    void aRecordedRunReplaysDeterministically() throws Exception {
        world.fillsOnAccept.put("000660", List.of(new Script("T1", 120_000, 30)));
        world.lastPrices.put("000660", 120_500L);
        OrderDecision decision = OrderDecision.limit(DAY, ACCOUNT, "000660", Market.KOSPI, Side.SELL, 100, 120_000,
                120_000, 21, OPEN);
        stub(decision).run(decision);

        WorkflowExecutionHistory history = client.fetchHistory(decision.workflowId());
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, OrderLifecycleWorkflowImpl.class))
                .doesNotThrowAnyException();
    }
}
