package com.aegis.workflows.control;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.market.Side;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.risk.TradingState;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.orders.MarketTime;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * Signals and updates only queue a command; the workflow's main loop handles the commands one at a time in arrival
 * order, so audit rows, alerts and order starts happen in that order and never interleave. An update waits for its
 * command to be handled and answers with the outcome.
 *
 * <p>State rules: HALTED mode means HALTED state. Switching to AUTO is an operator's resume: the state becomes ACTIVE
 * unless the daily loss limit is still reached (then REDUCING), and the open I3 incident is closed. Switching to
 * MANUAL keeps the state, except that leaving HALTED resumes as for AUTO. Pending approvals stay pending across mode
 * changes; they can only be approved when the mode and state allow the order.
 */
public class TradingControlWorkflowImpl implements TradingControlWorkflow {

    /** Failure type of a refused update (approval or mode change rejected while it waited its turn). */
    public static final String REJECTED = "ControlRequestRejected";

    private static final Logger log = Workflow.getLogger(TradingControlWorkflowImpl.class);

    private MarketTime market;
    private final ControlActivities activities = Workflow.newActivityStub(ControlActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.ORDERS)
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2.0)
                            .setMaximumInterval(Duration.ofSeconds(10))
                            .setMaximumAttempts(5)
                            .setDoNotRetry(IllegalArgumentException.class.getName())
                            .build())
                    .build());

    private sealed interface Command {
    }

    private record SetMode(ModeChange change, CompletablePromise<ControlStatus> reply) implements Command {
    }

    private record Pnl(PnlUpdate update) implements Command {
    }

    private record Positions(PositionsUpdate update) implements Command {
    }

    private record Decision(OrderDecision decision) implements Command {
    }

    private record Failure(String reason) implements Command {
    }

    private record Approve(String decisionId, String operator, CompletablePromise<StartedOrder> reply)
            implements Command {
    }

    private final Deque<Command> inbox = new ArrayDeque<>();

    private ControlRequest request;
    private LocalDate date;
    private TradingMode mode;
    private TradingState state;
    private PnlUpdate pnl;
    private final Map<String, OrderDecision> pending = new LinkedHashMap<>();
    private final List<StartedOrder> started = new ArrayList<>();
    private final List<RefusedDecision> refused = new ArrayList<>();
    private final Map<String, Long> held = new TreeMap<>();
    private List<Holding> holdings = List.of();
    private Instant positionsAsOf;
    private String modeReason;
    private String stateReason;
    private String lastRejection;
    private String incident;
    private int cancelledOrders;
    private long auditSequence;
    private long alertSequence;
    private long eventsHandled;
    private int run;
    private String lastError;
    /** Set at midnight KST: requests still queued are answered, but no order starts any more. */
    private boolean dayOver;

    /**
     * Restores the state before any handler runs: a signal or an update may arrive in the same workflow task as the
     * start (an operator's first {@code aegis mode} starts the control and changes its mode at once).
     */
    @WorkflowInit
    public TradingControlWorkflowImpl(ControlRequest input) {
        if (invalidRequest(input) == null) {
            request = input;
            restore(input);
        }
    }

    @Override
    public ControlStatus run(ControlRequest input) {
        String invalid = invalidRequest(input);
        if (invalid != null) {
            throw ApplicationFailure.newNonRetryableFailure(invalid, "InvalidControlRequest");
        }
        market = MarketTime.read(activities::marketClock);
        Duration untilEndOfDay = market.toWorkflow(Duration.between(market.now(),
                date.plusDays(1).atStartOfDay(KrxCalendar.KST).toInstant()));
        Promise<Void> endOfDay = !untilEndOfDay.isZero() ? Workflow.newTimer(untilEndOfDay)
                : Workflow.newPromise(null);
        int handledThisRun = 0;
        while (!endOfDay.isCompleted()) {
            if (!inbox.isEmpty()) {
                handle(inbox.poll());
                handledThisRun++;
            } else if (handledThisRun >= request.eventsPerRun() || Workflow.getInfo().isContinueAsNewSuggested()) {
                settle();
                log.info("trading control {} continues as new after {} events (run {})", date, handledThisRun, run);
                Workflow.continueAsNew(request.continuedWith(snapshot()));
            } else {
                Workflow.await(() -> !inbox.isEmpty() || endOfDay.isCompleted());
            }
        }
        dayOver = true;
        settle();
        log.info("trading control {} closes: mode {}, state {}, {} orders started", date, mode, state,
                started.size());
        return snapshot();
    }

    /** Handles what is queued until no signal or update handler is left running (before the run ends). */
    private void settle() {
        while (true) {
            while (!inbox.isEmpty()) {
                handle(inbox.poll());
            }
            Workflow.await(() -> !inbox.isEmpty() || Workflow.isEveryHandlerFinished());
            if (inbox.isEmpty()) {
                return;
            }
        }
    }

    // ---- signals, updates, query: queue or read only ----

    @Override
    public void setMode(ModeChange change) {
        inbox.add(new SetMode(change, null));
    }

    @Override
    public ControlStatus changeMode(ModeChange change) {
        CompletablePromise<ControlStatus> reply = Workflow.newPromise();
        inbox.add(new SetMode(change, reply));
        return reply.get();
    }

    @Override
    public void validateChangeMode(ModeChange change) {
        String problem = modeChangeProblem(change);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public void pnl(PnlUpdate update) {
        inbox.add(new Pnl(update));
    }

    @Override
    public void positions(PositionsUpdate update) {
        inbox.add(new Positions(update));
    }

    @Override
    public void decision(OrderDecision decision) {
        inbox.add(new Decision(decision));
    }

    @Override
    public void tradingFailure(String reason) {
        inbox.add(new Failure(reason));
    }

    @Override
    public StartedOrder approve(String decisionId, String operator) {
        CompletablePromise<StartedOrder> reply = Workflow.newPromise();
        inbox.add(new Approve(decisionId, operator, reply));
        return reply.get();
    }

    @Override
    public void validateApprove(String decisionId, String operator) {
        String problem = approvalProblem(decisionId, operator);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @Override
    public ControlStatus status() {
        return snapshot();
    }

    // ---- the main loop's handlers ----

    private void handle(Command command) {
        try {
            dispatch(command);
        } finally {
            eventsHandled++;
        }
    }

    private void dispatch(Command command) {
        if (command instanceof SetMode c) {
            onSetMode(c);
        } else if (command instanceof Pnl c) {
            onPnl(c.update());
        } else if (command instanceof Positions c) {
            onPositions(c.update());
        } else if (command instanceof Decision c) {
            onDecision(c.decision());
        } else if (command instanceof Failure c) {
            onTradingFailure(c.reason());
        } else if (command instanceof Approve c) {
            onApprove(c);
        }
    }

    private void onSetMode(SetMode command) {
        ModeChange change = command.change();
        String problem = modeChangeProblem(change);
        if (problem != null) {
            lastRejection = "mode change " + describe(change) + " rejected: " + problem;
            audit(mode, change, false, problem);
            if (command.reply() != null) {
                command.reply().completeExceptionally(
                        ApplicationFailure.newNonRetryableFailure(lastRejection, REJECTED));
            }
            return;
        }
        applyMode(change);
        if (command.reply() != null) {
            command.reply().complete(snapshot());
        }
    }

    private void applyMode(ModeChange change) {
        TradingMode from = mode;
        mode = change.mode();
        modeReason = change.mode() + " since " + now() + " by " + change.operator() + ": " + change.reason();
        audit(from, change, true, null);
        TradingState before = state;
        switch (change.mode()) {
            case HALTED -> {
                state = TradingState.HALTED;
                stateReason = "HALTED by " + change.operator() + ": " + change.reason();
            }
            case AUTO -> resume(change);
            case MANUAL -> {
                if (from == TradingMode.HALTED) {
                    resume(change);
                }
            }
        }
        log.info("trading control {}: mode {} -> {} by {} ({}), state {} -> {}", date, from, mode,
                change.operator(), change.reason(), before, state);
        if (change.mode() == TradingMode.HALTED) {
            int cancelled = cancelAll("kill switch by " + change.operator() + ": " + change.reason());
            alert(ControlAlert.Kind.KILL_SWITCH, "trading HALTED by " + change.operator() + ": " + change.reason()
                    + "; " + (cancelled < 0 ? "cancelling the open orders failed: " + lastError
                    : cancelled + " open orders cancelled"));
        }
    }

    /** An operator's resume: ACTIVE unless the daily loss limit is still reached; closes the I3 incident. */
    private void resume(ModeChange change) {
        TradingState resumed = pnl == null ? TradingState.ACTIVE
                : TradingState.ACTIVE.afterDailyPnl(pnl.dailyPnl(), pnl.equityAtOpen(), request.limits());
        state = resumed;
        stateReason = resumed == TradingState.ACTIVE
                ? "resumed by " + change.operator() + " at " + now() + ": " + change.reason()
                : lossLimitReason(pnl) + "; still in force after " + change.operator() + "'s resume";
        if (change.mode() == TradingMode.AUTO) {
            incident = null;
        }
    }

    private void onPnl(PnlUpdate update) {
        String problem = update == null ? "empty P&L update"
                : update.asOf() == null ? "P&L update without asOf"
                : update.equityAtOpen() <= 0 ? "equity at open must be positive KRW, got " + update.equityAtOpen()
                : pnl != null && update.asOf().isBefore(pnl.asOf())
                        ? "stale: as of " + update.asOf() + ", the last applied is as of " + pnl.asOf()
                        : null;
        if (problem != null) {
            lastRejection = "P&L update rejected: " + problem;
            return;
        }
        try {
            update.dailyPnl();
        } catch (ArithmeticException e) {
            lastRejection = "P&L update rejected: realised + unrealised overflows KRW";
            return;
        }
        pnl = update;
        TradingState next = state.afterDailyPnl(update.dailyPnl(), update.equityAtOpen(), request.limits());
        if (next != state) {
            log.warn("trading control {}: {}", date, lossLimitReason(update));
            state = next;
            stateReason = lossLimitReason(update);
            alert(ControlAlert.Kind.DAILY_LOSS_LIMIT, stateReason + "; only risk-reducing orders are allowed");
        }
    }

    private String lossLimitReason(PnlUpdate update) {
        return "daily P&L " + update.dailyPnl() + " KRW (" + formatPercent(update) + " of equity at open "
                + update.equityAtOpen() + " KRW, as of " + update.asOf() + ") reached the daily loss limit of -"
                + BigDecimal.valueOf(request.limits().dailyLossLimitBps(), 2).stripTrailingZeros().toPlainString()
                + "%";
    }

    private void onPositions(PositionsUpdate update) {
        String problem = update == null || update.holdings() == null ? "empty positions update"
                : update.asOf() == null ? "positions update without asOf"
                : positionsAsOf != null && update.asOf().isBefore(positionsAsOf)
                        ? "stale: as of " + update.asOf() + ", the last applied is as of " + positionsAsOf
                        : update.holdings().stream().anyMatch(h -> h == null || h.symbol() == null
                                || h.quantity() < 0) ? "a holding without symbol or with negative quantity"
                        : null;
        if (problem != null) {
            lastRejection = "positions update rejected: " + problem;
            return;
        }
        held.clear();
        for (Holding h : update.holdings()) {
            if (h.quantity() > 0) {
                held.merge(h.symbol().code(), h.quantity(), Long::sum);
            }
        }
        holdings = update.holdings().stream().filter(h -> h.quantity() > 0).toList();
        positionsAsOf = update.asOf();
    }

    private void onDecision(OrderDecision decision) {
        if (decision == null) {
            lastRejection = "empty order decision rejected";
            return;
        }
        String id = decision.id();
        String problem = decision.signalId() == null ? "no signal id"
                : decision.symbol() == null ? "no symbol"
                : decision.side() == null ? "no side"
                : decision.quantity() <= 0 ? "quantity must be positive, got " + decision.quantity()
                : decision.price() <= 0 ? "price must be positive KRW, got " + decision.price()
                : known(id) ? "duplicate: decision " + id + " was already received today"
                : blockedReason(decision);
        if (problem != null) {
            refuse(decision, problem);
            return;
        }
        if (mode == TradingMode.MANUAL) {
            pending.put(id, decision);
            log.info("trading control {}: decision {} ({}) waits for approval", date, id, describeDecision(decision));
            return;
        }
        StartedOrder order = start(decision, AUTO_APPROVER);
        if (order == null) {
            refuse(decision, "starting the order failed: " + lastError);
        }
    }

    private void onApprove(Approve command) {
        String problem = approvalProblem(command.decisionId(), command.operator());
        if (problem != null) {
            lastRejection = "approval of " + command.decisionId() + " by " + command.operator() + " rejected: "
                    + problem;
            command.reply().completeExceptionally(ApplicationFailure.newNonRetryableFailure(lastRejection, REJECTED));
            return;
        }
        OrderDecision decision = pending.get(command.decisionId());
        StartedOrder order = start(decision, command.operator());
        if (order == null) {
            lastRejection = "approval of " + command.decisionId() + " by " + command.operator()
                    + " failed: starting the order failed (" + lastError + "); the decision is still pending";
            command.reply().completeExceptionally(ApplicationFailure.newNonRetryableFailure(lastRejection, REJECTED));
            return;
        }
        pending.remove(command.decisionId());
        command.reply().complete(order);
    }

    private void onTradingFailure(String given) {
        String reason = given == null || given.isBlank() ? "trading failure (no reason given)" : given.strip();
        if (incident != null) {
            log.info("trading control {}: trading failure '{}' while incident is open; nothing repeated", date,
                    reason);
            return;
        }
        incident = "I3 trading failure at " + now() + ": " + reason;
        log.warn("trading control {}: {}", date, incident);
        if (mode == TradingMode.AUTO) {
            applyMode(new ModeChange(TradingMode.MANUAL, "I3 trading failure: " + reason, SYSTEM_OPERATOR));
        }
        int cancelled = cancelAll("I3 trading failure: " + reason);
        if (state == TradingState.ACTIVE) {
            state = TradingState.REDUCING;
            stateReason = "I3 trading failure: " + reason + "; only risk-reducing orders until an operator resumes";
        }
        alert(ControlAlert.Kind.TRADING_FAILURE, incident + "; mode " + mode + ", state " + state + ", "
                + (cancelled < 0 ? "cancelling the open orders failed: " + lastError
                : cancelled + " open orders cancelled"));
    }

    // ---- rules ----

    private String modeChangeProblem(ModeChange change) {
        if (change == null || change.mode() == null) {
            return "no mode given (AUTO, MANUAL or HALTED)";
        }
        if (change.reason() == null || change.reason().isBlank()) {
            return "a reason is required";
        }
        String operatorProblem = operatorProblem(change.operator());
        if (operatorProblem != null) {
            return operatorProblem;
        }
        if (change.mode() == mode) {
            return "the mode is already " + mode;
        }
        return null;
    }

    private String operatorProblem(String operator) {
        if (operator == null || operator.isBlank()) {
            return "an operator is required";
        }
        if (request == null || !request.operators().contains(operator)) {
            return "unknown operator '" + operator + "'";
        }
        return null;
    }

    private String approvalProblem(String decisionId, String operator) {
        String operatorProblem = operatorProblem(operator);
        if (operatorProblem != null) {
            return operatorProblem;
        }
        OrderDecision decision = decisionId == null ? null : pending.get(decisionId);
        if (decision == null) {
            return "no decision '" + decisionId + "' is waiting for approval" + (pending.isEmpty() ? ""
                    : " (pending: " + String.join(", ", pending.keySet()) + ")");
        }
        return blockedReason(decision);
    }

    /** Why the mode or the state forbid this order now, or null if they allow it. */
    private String blockedReason(OrderDecision decision) {
        if (dayOver) {
            return "the trading day " + date + " is over";
        }
        if (mode == TradingMode.HALTED) {
            return "trading is HALTED (" + modeReason + ")";
        }
        if (!state.allows(riskReducing(decision))) {
            return state == TradingState.HALTED ? "the trading state is HALTED (" + stateReason + ")"
                    : "the trading state is REDUCING (" + stateReason + "); only sells of held shares are allowed, "
                            + describeDecision(decision) + " is not one (" + held.getOrDefault(
                                    decision.symbol().code(), 0L) + " shares held)";
        }
        return null;
    }

    /** A SELL of at most the shares held in the positions view. */
    private boolean riskReducing(OrderDecision decision) {
        return decision.side() == Side.SELL && decision.quantity() <= held.getOrDefault(decision.symbol().code(), 0L);
    }

    private boolean known(String id) {
        return pending.containsKey(id) || started.stream().anyMatch(s -> s.decisionId().equals(id))
                || refused.stream().anyMatch(r -> r.decisionId().equals(id));
    }

    private static String invalidRequest(ControlRequest input) {
        if (input == null || input.date() == null) {
            return "the control request needs a date";
        }
        if (input.initialMode() == null) {
            return "the control request needs an initial mode";
        }
        if (input.operators().isEmpty() || input.operators().stream().anyMatch(o -> o == null || o.isBlank())) {
            return "the control request needs at least one operator, none blank";
        }
        if (input.limits() == null) {
            return "the control request needs risk limits";
        }
        if (input.eventsPerRun() < 1) {
            return "eventsPerRun must be positive, got " + input.eventsPerRun();
        }
        if (input.carried() != null && !input.date().equals(input.carried().date())) {
            return "carried state of " + input.carried().date() + " cannot continue the control of " + input.date();
        }
        return null;
    }

    // ---- activities ----

    private StartedOrder start(OrderDecision decision, String approvedBy) {
        try {
            String ref = activities.startOrder(new OrderStart(date, decision, approvedBy));
            StartedOrder order = new StartedOrder(decision.id(), decision, approvedBy, ref, now());
            started.add(order);
            log.info("trading control {}: started {} for decision {} ({}), approved by {}", date, ref, decision.id(),
                    describeDecision(decision), approvedBy);
            return order;
        } catch (ActivityFailure failure) {
            lastError = "start of decision " + decision.id() + ": " + rootMessage(failure);
            log.error("trading control {}: {}", date, lastError);
            return null;
        }
    }

    /** Cancels every open order; the count, or -1 if the activity failed (recorded in lastError). */
    private int cancelAll(String reason) {
        try {
            int cancelled = activities.cancelAllOpenOrders(date, reason);
            cancelledOrders += cancelled;
            return cancelled;
        } catch (ActivityFailure failure) {
            lastError = "cancel all open orders: " + rootMessage(failure);
            log.error("trading control {}: {}", date, lastError);
            return -1;
        }
    }

    private void audit(TradingMode from, ModeChange change, boolean accepted, String rejection) {
        auditSequence++;
        ModeAudit row = new ModeAudit(date, auditSequence, from, change == null ? null : change.mode(),
                change == null ? null : change.operator(), change == null ? null : change.reason(), accepted,
                rejection, now());
        try {
            activities.recordModeChange(row);
        } catch (ActivityFailure failure) {
            lastError = "mode audit " + auditSequence + ": " + rootMessage(failure);
            log.error("trading control {}: {}", date, lastError);
        }
    }

    private void alert(ControlAlert.Kind kind, String message) {
        alertSequence++;
        try {
            activities.raiseAlert(new ControlAlert(date, alertSequence, kind, message, now()));
        } catch (ActivityFailure failure) {
            lastError = "alert " + alertSequence + " (" + kind + "): " + rootMessage(failure);
            log.error("trading control {}: {}", date, lastError);
        }
    }

    // ---- state ----

    private void restore(ControlRequest input) {
        ControlStatus carried = input.carried();
        date = input.date();
        if (carried == null) {
            mode = input.initialMode();
            state = mode == TradingMode.HALTED ? TradingState.HALTED : TradingState.ACTIVE;
            modeReason = mode + " at the start of " + date;
            stateReason = state + " at the start of " + date;
            run = 1;
            return;
        }
        mode = carried.mode();
        state = carried.state();
        pnl = carried.pnl();
        carried.pendingApprovals().forEach(d -> pending.put(d.id(), d));
        started.addAll(carried.startedOrders());
        refused.addAll(carried.refusedDecisions());
        holdings = carried.holdings();
        holdings.forEach(h -> held.merge(h.symbol().code(), h.quantity(), Long::sum));
        positionsAsOf = carried.positionsAsOf();
        modeReason = carried.modeReason();
        stateReason = carried.stateReason();
        lastRejection = carried.lastRejection();
        incident = carried.incident();
        cancelledOrders = carried.cancelledOrders();
        auditSequence = carried.auditSequence();
        alertSequence = carried.alertSequence();
        eventsHandled = carried.eventsHandled();
        run = carried.run() + 1;
        lastError = carried.lastError();
    }

    private ControlStatus snapshot() {
        return new ControlStatus(date, mode, state, pnl, pnl == null ? 0 : pnl.dailyPnl(),
                pnl == null ? 0.0 : pnl.dailyPnl() * 100.0 / pnl.equityAtOpen(), List.copyOf(pending.values()),
                started, refused, holdings, positionsAsOf, modeReason, stateReason, lastRejection, incident,
                cancelledOrders, auditSequence, alertSequence, eventsHandled, run, lastError);
    }

    private void refuse(OrderDecision decision, String reason) {
        refused.add(new RefusedDecision(decision.id(), decision, reason, now()));
        log.info("trading control {}: decision {} refused: {}", date, decision.id(), reason);
    }

    /** Market time (the venue's clock); before it is read, workflow time. */
    private Instant now() {
        return MarketTime.nowOr(market);
    }

    private String formatPercent(PnlUpdate update) {
        return BigDecimal.valueOf(update.dailyPnl()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(update.equityAtOpen()), 2, java.math.RoundingMode.HALF_EVEN)
                .toPlainString() + "%";
    }

    private static String describe(ModeChange change) {
        return change == null ? "(empty)" : "to " + change.mode() + " by '" + change.operator() + "'";
    }

    private static String describeDecision(OrderDecision d) {
        return d.side() + " " + d.quantity() + " " + d.symbol() + " @ " + d.price() + " KRW";
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof ApplicationFailure app ? app.getOriginalMessage() : t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
