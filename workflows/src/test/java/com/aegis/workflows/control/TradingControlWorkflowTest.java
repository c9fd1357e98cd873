package com.aegis.workflows.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.aegis.core.execution.SignalId;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.core.risk.TradingState;
import com.aegis.workflows.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trading control on the Temporal test server with time skipping, over in-memory activities. */
class TradingControlWorkflowTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final List<String> OPERATORS = List.of("kim", "lee");
    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final Symbol HYNIX = Symbol.of("000660");
    private static final long EQUITY = 100_000_000L;

    private TestWorkflowEnvironment env;
    private final InMemoryControlDesk desk = new InMemoryControlDesk();
    private WorkflowExecution firstRun;

    private void start(ControlRequest request) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setInitialTime(LocalDateTime.of(2026, 11, 30, 9, 0).atZone(SEOUL).toInstant()).build());
        TestWorkflowEnvironment started = env;
        desk.clock = () -> java.time.Instant.ofEpochMilli(started.currentTimeMillis());
        Worker worker = env.newWorker(TaskQueues.ORDERS);
        worker.registerWorkflowImplementationTypes(TradingControlWorkflowImpl.class);
        worker.registerActivitiesImplementations(desk);
        env.start();
        firstRun = TradingControls.ensureStarted(env.getWorkflowClient(), request).orElseThrow();
    }

    private void start(TradingMode mode) {
        start(ControlRequest.forDay(DAY, mode, OPERATORS));
    }

    @AfterEach
    void close() {
        if (env != null) {
            env.close();
        }
    }

    private TradingControlWorkflow control() {
        return TradingControls.of(env.getWorkflowClient(), DAY);
    }

    /** The history of the run so far replays on the current code without a non-determinism error. */
    private void replays() throws Exception {
        WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(TradingControlWorkflow.workflowId(DAY));
        WorkflowReplayer.replayWorkflowExecution(history, TradingControlWorkflowImpl.class);
    }

    /** Sends one signal and waits until the workflow has handled it. */
    private ControlStatus handled(java.util.function.Consumer<TradingControlWorkflow> signal) {
        long before = control().status().eventsHandled();
        signal.accept(control());
        return awaitStatus(s -> s.eventsHandled() > before);
    }

    private ControlStatus awaitStatus(Predicate<ControlStatus> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ControlStatus status = control().status();
        while (!condition.test(status)) {
            assertThat(System.nanoTime()).as("condition not reached; last status %s", status).isLessThan(deadline);
            Thread.onSpinWait();
            status = control().status();
        }
        return status;
    }

    private static OrderDecision decision(long signal, Symbol symbol, Side side, long quantity) {
        return new OrderDecision(symbol, side, quantity, 70_000, SignalId.of(signal), side == Side.BUY ? 82 : 18);
    }

    private static PnlUpdate pnl(long realised, long unrealised, int minute) {
        return new PnlUpdate(realised, unrealised, EQUITY,
                LocalDateTime.of(2026, 11, 30, 10, minute).atZone(SEOUL).toInstant());
    }

    private static PositionsUpdate holding(Symbol symbol, long quantity) {
        return new PositionsUpdate(List.of(new Holding(symbol, quantity)), Instant.parse("2026-11-30T00:30:00Z"));
    }

    /** The reason of an update the workflow rejected. */
    private static String rejection(ThrowingCallable update) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(update);
        assertThat(thrown).isInstanceOf(WorkflowUpdateException.class).hasCauseInstanceOf(ApplicationFailure.class);
        return ((ApplicationFailure) thrown.getCause()).getOriginalMessage();
    }

    @Test
    void everyModeChangeIsAuditedInOrder() {
        start(TradingMode.AUTO);
        assertThat(TradingControls.ensureStarted(env.getWorkflowClient(),
                ControlRequest.forDay(DAY, TradingMode.MANUAL, OPERATORS))).as("already running").isEmpty();
        desk.openOrders.set(3);
        handled(c -> c.setMode(new ModeChange(TradingMode.MANUAL, "pre-open review", "kim")));
        ControlStatus halted = control().changeMode(new ModeChange(TradingMode.HALTED, "venue outage", "lee"));
        assertThat(halted.mode()).isEqualTo(TradingMode.HALTED);
        assertThat(halted.state()).isEqualTo(TradingState.HALTED);
        ControlStatus resumed = handled(c -> c.setMode(new ModeChange(TradingMode.AUTO, "venue back", "kim")));

        assertThat(desk.audits).extracting(ModeAudit::sequence, ModeAudit::from, ModeAudit::to, ModeAudit::operator,
                ModeAudit::reason, ModeAudit::accepted).containsExactly(
                tuple(1L, TradingMode.AUTO, TradingMode.MANUAL, "kim", "pre-open review", true),
                tuple(2L, TradingMode.MANUAL, TradingMode.HALTED, "lee", "venue outage", true),
                tuple(3L, TradingMode.HALTED, TradingMode.AUTO, "kim", "venue back", true));
        assertThat(desk.audits).allSatisfy(a -> assertThat(a.date()).isEqualTo(DAY));
        assertThat(resumed.mode()).isEqualTo(TradingMode.AUTO);
        assertThat(resumed.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(resumed.modeReason()).contains("AUTO").contains("kim").contains("venue back");
        assertThat(resumed.auditSequence()).isEqualTo(3);
        // The kill switch cancelled the three open orders and alerted.
        assertThat(desk.cancels).singleElement().satisfies(c -> assertThat(c.cancelled()).isEqualTo(3));
        assertThat(desk.alertsOf(ControlAlert.Kind.KILL_SWITCH)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("lee").contains("3 open orders cancelled"));
        assertThat(resumed.cancelledOrders()).isEqualTo(3);
    }

    @Test
    void aModeChangeRightAfterTheStartIsValidatedAgainstTheRequestsOperators() {
        // What an operator's first `aegis mode` does: start the day's control and change its mode at once, so the
        // update may arrive in the start's first workflow task, before the workflow method has run.
        start(TradingMode.MANUAL);
        ControlStatus auto = control().changeMode(new ModeChange(TradingMode.AUTO, "scores published", "kim"));
        assertThat(auto.mode()).isEqualTo(TradingMode.AUTO);
        assertThat(desk.audits).singleElement().satisfies(a -> assertThat(a.operator()).isEqualTo("kim"));
    }

    @Test
    void anInvalidModeChangeIsRejectedWithItsReasonAndTheWorkflowCarriesOn() {
        start(TradingMode.AUTO);
        ControlStatus blank = handled(c -> c.setMode(new ModeChange(TradingMode.MANUAL, "  ", "kim")));
        assertThat(blank.mode()).isEqualTo(TradingMode.AUTO);
        assertThat(blank.lastRejection()).isEqualTo("mode change to MANUAL by 'kim' rejected: a reason is required");
        ControlStatus stranger = handled(c -> c.setMode(new ModeChange(TradingMode.HALTED, "test", "mallory")));
        assertThat(stranger.mode()).isEqualTo(TradingMode.AUTO);
        assertThat(stranger.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(stranger.lastRejection()).contains("unknown operator 'mallory'");
        // Rejected signals are in the audit trail with their reasons.
        assertThat(desk.audits).extracting(ModeAudit::accepted, ModeAudit::rejection).containsExactly(
                tuple(false, "a reason is required"), tuple(false, "unknown operator 'mallory'"));

        // The update is refused by its validator, before anything is recorded.
        assertThat(rejection(() -> control().changeMode(new ModeChange(TradingMode.MANUAL, "x", "mallory"))))
                .contains("unknown operator 'mallory'");
        assertThat(rejection(() -> control().changeMode(new ModeChange(TradingMode.AUTO, "again", "kim"))))
                .contains("the mode is already AUTO");
        assertThat(rejection(() -> control().changeMode(new ModeChange(null, "x", "kim"))))
                .contains("no mode given");
        assertThat(desk.audits).hasSize(2);
        assertThat(desk.cancels).isEmpty();

        ControlStatus manual = control().changeMode(new ModeChange(TradingMode.MANUAL, "review", "lee"));
        assertThat(manual.mode()).isEqualTo(TradingMode.MANUAL);
        assertThat(desk.audits).last().satisfies(a -> assertThat(a.accepted()).isTrue());
    }

    @Test
    void reachingTheDailyLossLimitMovesToReducingWhereOnlySellsOfHeldSharesStart() {
        start(TradingMode.AUTO);
        handled(c -> c.positions(holding(SAMSUNG, 100)));
        ControlStatus noBase = handled(c -> c.pnl(new PnlUpdate(-5_000_000, 0, 0,
                Instant.parse("2026-11-30T00:59:00Z"))));
        assertThat(noBase.lastRejection()).isEqualTo("P&L update rejected: equity at open must be positive KRW, got 0");
        assertThat(noBase.pnl()).isNull();
        ControlStatus justAbove = handled(c -> c.pnl(pnl(-500_000, -1_499_999, 0)));
        assertThat(justAbove.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(justAbove.dailyPnl()).isEqualTo(-1_999_999);

        ControlStatus reducing = handled(c -> c.pnl(pnl(-500_000, -1_500_000, 5)));
        assertThat(reducing.state()).isEqualTo(TradingState.REDUCING);
        assertThat(reducing.dailyPnl()).isEqualTo(-2_000_000);
        assertThat(reducing.dailyPnlPercent()).isEqualTo(-2.0);
        assertThat(reducing.stateReason()).contains("-2000000 KRW").contains("-2.00%")
                .contains("daily loss limit of -2%");
        assertThat(desk.alertsOf(ControlAlert.Kind.DAILY_LOSS_LIMIT)).hasSize(1);
        // A stale update cannot undo it.
        ControlStatus stale = handled(c -> c.pnl(pnl(0, 0, 1)));
        assertThat(stale.state()).isEqualTo(TradingState.REDUCING);
        assertThat(stale.lastRejection()).contains("stale");

        ControlStatus buy = handled(c -> c.decision(decision(11, HYNIX, Side.BUY, 10)));
        assertThat(buy.refusedDecisions()).singleElement().satisfies(r -> {
            assertThat(r.decisionId()).isEqualTo("11");
            assertThat(r.reason()).contains("REDUCING").contains("BUY 10 000660");
        });
        ControlStatus sell = handled(c -> c.decision(decision(12, SAMSUNG, Side.SELL, 60)));
        assertThat(sell.startedOrders()).singleElement().satisfies(o -> {
            assertThat(o.decisionId()).isEqualTo("12");
            assertThat(o.approvedBy()).isEqualTo(TradingControlWorkflow.AUTO_APPROVER);
            assertThat(o.orderRef()).isEqualTo("order-2026-11-30-005930-SELL-12");
        });
        ControlStatus unheld = handled(c -> c.decision(decision(13, HYNIX, Side.SELL, 5)));
        assertThat(unheld.refusedDecisions()).extracting(RefusedDecision::decisionId).containsExactly("11", "13");
        assertThat(desk.starts).extracting(s -> s.decision().signalId().value()).containsExactly(12L);

        // An operator's resume does not lift the limit while the loss stands.
        ControlStatus resumed = control().changeMode(new ModeChange(TradingMode.MANUAL, "look", "kim"));
        assertThat(resumed.state()).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void theKillSwitchRefusesEveryDecision() throws Exception {
        start(TradingMode.MANUAL);
        handled(c -> c.positions(holding(SAMSUNG, 100)));
        handled(c -> c.decision(decision(21, SAMSUNG, Side.SELL, 10)));
        control().changeMode(new ModeChange(TradingMode.HALTED, "runaway orders", "lee"));

        handled(c -> c.decision(decision(22, HYNIX, Side.BUY, 1)));
        ControlStatus status = handled(c -> c.decision(decision(23, SAMSUNG, Side.SELL, 10)));
        assertThat(status.refusedDecisions()).extracting(RefusedDecision::decisionId).containsExactly("22", "23");
        assertThat(status.refusedDecisions()).allSatisfy(r -> assertThat(r.reason())
                .startsWith("trading is HALTED").contains("runaway orders"));
        assertThat(rejection(() -> control().approve("21", "kim"))).contains("trading is HALTED");
        assertThat(desk.starts).isEmpty();
        assertThat(status.pendingApprovals()).extracting(OrderDecision::id).containsExactly("21");
        assertThat(status.state()).isEqualTo(TradingState.HALTED);
        assertThat(desk.cancels).hasSize(1);
        replays();
    }

    @Test
    void aTradingFailureRunsTheI3ProcedureOnce() throws Exception {
        start(TradingMode.AUTO);
        handled(c -> c.positions(holding(SAMSUNG, 100)));
        handled(c -> c.decision(decision(31, HYNIX, Side.BUY, 10)));
        desk.openOrders.set(4);

        handled(c -> c.tradingFailure("broker session lost"));
        ControlStatus status = handled(c -> c.tradingFailure("broker session lost"));

        assertThat(desk.cancels).singleElement().satisfies(c -> {
            assertThat(c.cancelled()).isEqualTo(4);
            assertThat(c.reason()).contains("broker session lost");
        });
        assertThat(status.mode()).isEqualTo(TradingMode.MANUAL);
        assertThat(status.state()).isEqualTo(TradingState.REDUCING);
        assertThat(status.stateReason()).contains("I3").contains("broker session lost");
        assertThat(status.incident()).contains("broker session lost");
        assertThat(status.cancelledOrders()).isEqualTo(4);
        assertThat(desk.alertsOf(ControlAlert.Kind.TRADING_FAILURE)).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("4 open orders cancelled").contains("MANUAL"));
        assertThat(desk.audits).singleElement().satisfies(a -> {
            assertThat(a.operator()).isEqualTo(TradingControlWorkflow.SYSTEM_OPERATOR);
            assertThat(a.from()).isEqualTo(TradingMode.AUTO);
            assertThat(a.to()).isEqualTo(TradingMode.MANUAL);
            assertThat(a.reason()).contains("broker session lost");
        });
        // Automated trading is stopped: a sell of held shares now waits for an operator.
        ControlStatus held = handled(c -> c.decision(decision(32, SAMSUNG, Side.SELL, 10)));
        assertThat(held.pendingApprovals()).extracting(OrderDecision::id).containsExactly("32");
        assertThat(desk.starts).hasSize(1);

        // The operator's resume closes the incident; a new failure runs the procedure again.
        ControlStatus resumed = control().changeMode(new ModeChange(TradingMode.AUTO, "broker reconnected", "kim"));
        assertThat(resumed.incident()).isNull();
        assertThat(resumed.state()).isEqualTo(TradingState.ACTIVE);
        handled(c -> c.tradingFailure("fill stream stalled"));
        assertThat(desk.cancels).hasSize(2);
        assertThat(desk.alertsOf(ControlAlert.Kind.TRADING_FAILURE)).hasSize(2);
        replays();
    }

    @Test
    void manualModeHoldsDecisionsUntilAnOperatorApprovesThatOne() throws Exception {
        start(TradingMode.MANUAL);
        handled(c -> c.decision(decision(41, SAMSUNG, Side.BUY, 10)));
        ControlStatus waiting = handled(c -> c.decision(decision(42, HYNIX, Side.BUY, 5)));
        assertThat(waiting.pendingApprovals()).extracting(OrderDecision::id).containsExactly("41", "42");
        assertThat(desk.starts).isEmpty();

        StartedOrder order = control().approve("42", "lee");
        assertThat(order.decisionId()).isEqualTo("42");
        assertThat(order.approvedBy()).isEqualTo("lee");
        assertThat(order.orderRef()).isEqualTo("order-2026-11-30-000660-BUY-42");
        assertThat(desk.starts).singleElement().satisfies(s -> {
            assertThat(s.decision().id()).isEqualTo("42");
            assertThat(s.approvedBy()).isEqualTo("lee");
        });

        assertThat(rejection(() -> control().approve("99", "kim")))
                .isEqualTo("no decision '99' is waiting for approval (pending: 41)");
        assertThat(rejection(() -> control().approve("42", "kim"))).contains("no decision '42'");
        assertThat(rejection(() -> control().approve("41", "mallory"))).contains("unknown operator 'mallory'");
        ControlStatus duplicate = handled(c -> c.decision(decision(41, SAMSUNG, Side.BUY, 10)));
        assertThat(duplicate.refusedDecisions()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("duplicate"));
        ControlStatus bad = handled(c -> c.decision(decision(43, SAMSUNG, Side.BUY, 0)));
        assertThat(bad.refusedDecisions()).last()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("quantity must be positive, got 0"));

        // A start the order service refuses leaves the decision pending, with the reason.
        desk.startRefusals.set(1);
        assertThat(rejection(() -> control().approve("41", "kim"))).contains("order service refused 41")
                .contains("still pending");
        assertThat(control().status().pendingApprovals()).extracting(OrderDecision::id).containsExactly("41");
        assertThat(control().approve("41", "kim").orderRef()).isEqualTo("order-2026-11-30-005930-BUY-41");
        ControlStatus end = control().status();
        assertThat(end.pendingApprovals()).isEmpty();
        assertThat(end.startedOrders()).extracting(StartedOrder::decisionId).containsExactly("42", "41");
        replays();
    }

    /**
     * Waits, without queries, until a run has continued as new and returns the next run's ID. (The test server can
     * lose a query that races with a continue-as-new, so these steps watch the history instead.)
     */
    private String awaitContinuedAsNew(String runId) {
        String id = TradingControlWorkflow.workflowId(DAY);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            HistoryEvent last = env.getWorkflowClient().fetchHistory(id, runId).getLastEvent();
            if (last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
                return last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
            }
            assertThat(System.nanoTime()).as("run %s did not continue as new", runId).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void continueAsNewKeepsTheStateAndTheDayEndsWithTheFinalState() throws Exception {
        start(ControlRequest.forDay(DAY, TradingMode.MANUAL, OPERATORS).withEventsPerRun(3));
        control().positions(holding(SAMSUNG, 100));
        control().decision(decision(51, SAMSUNG, Side.SELL, 10));
        control().decision(decision(52, HYNIX, Side.BUY, 1));
        String secondRun = awaitContinuedAsNew(firstRun.getRunId());
        control().pnl(pnl(-1_000_000, -1_500_000, 0));
        control().decision(decision(53, HYNIX, Side.BUY, 1));
        control().setMode(new ModeChange(TradingMode.AUTO, "open", "kim"));
        awaitContinuedAsNew(secondRun);
        ControlStatus status = handled(c -> c.decision(decision(52, HYNIX, Side.BUY, 1)));

        assertThat(status.run()).isEqualTo(3);
        assertThat(status.eventsHandled()).isEqualTo(7);
        assertThat(status.mode()).isEqualTo(TradingMode.AUTO);
        assertThat(status.state()).isEqualTo(TradingState.REDUCING);
        assertThat(status.pnl().dailyPnl()).isEqualTo(-2_500_000);
        assertThat(status.holdings()).containsExactly(new Holding(SAMSUNG, 100));
        assertThat(status.pendingApprovals()).extracting(OrderDecision::id).containsExactly("51", "52");
        assertThat(status.refusedDecisions()).extracting(RefusedDecision::decisionId, RefusedDecision::reason)
                .containsExactly(tuple("53", "the trading state is REDUCING (daily P&L -2500000 KRW (-2.50% of equity"
                        + " at open 100000000 KRW, as of 2026-11-30T01:00:00Z) reached the daily loss limit of -2%)"
                        + "; only sells of held shares are allowed, BUY 1 000660 @ 70000 KRW is not one (0 shares"
                        + " held)"), tuple("52", "duplicate: decision 52 was already received today"));
        assertThat(status.auditSequence()).isEqualTo(1);
        assertThat(desk.audits).extracting(ModeAudit::sequence).containsExactly(1L);
        // Approvals work on the continued run, and the pending buy is refused by the state.
        assertThat(control().approve("51", "kim").orderRef()).isEqualTo("order-2026-11-30-005930-SELL-51");
        assertThat(rejection(() -> control().approve("52", "kim"))).contains("REDUCING");

        String id = TradingControlWorkflow.workflowId(DAY);
        WorkflowExecutionHistory first = env.getWorkflowClient().fetchHistory(id, firstRun.getRunId());
        WorkflowReplayer.replayWorkflowExecution(first, TradingControlWorkflowImpl.class);

        // Midnight KST closes the day with the final state; the whole last run replays.
        env.sleep(Duration.ofHours(16));
        ControlStatus last = WorkflowStub.fromTyped(control()).getResult(ControlStatus.class);
        assertThat(last.startedOrders()).extracting(StartedOrder::decisionId).containsExactly("51");
        assertThat(last.pendingApprovals()).extracting(OrderDecision::id).containsExactly("52");
        WorkflowExecutionHistory closing = env.getWorkflowClient().fetchHistory(id);
        assertThat(closing.getWorkflowExecution().getRunId()).isNotEqualTo(firstRun.getRunId());
        assertThat(closing.getLastEvent().getEventType())
                .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(closing, TradingControlWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aRequestWithoutOperatorsFailsWithItsReason() {
        start(ControlRequest.forDay(DAY, TradingMode.AUTO, List.of()));
        assertThatThrownBy(() -> WorkflowStub.fromTyped(control()).getResult(ControlStatus.class))
                .rootCause().hasMessageContaining("at least one operator");
    }

    @Test
    void theWorkflowIdIsDerivedFromTheKstDate() {
        assertThat(TradingControlWorkflow.workflowId(DAY)).isEqualTo("trading-control-2026-11-30");
    }
}
