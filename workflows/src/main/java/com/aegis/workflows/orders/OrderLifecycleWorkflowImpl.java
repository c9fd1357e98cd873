package com.aegis.workflows.orders;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.BrokerOrderId;
import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.ExecutionReport;
import com.aegis.core.execution.Order;
import com.aegis.core.execution.OrderEvent;
import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderCanceled;
import com.aegis.core.execution.OrderEvent.OrderModifyRejected;
import com.aegis.core.execution.OrderEvent.OrderPendingCancel;
import com.aegis.core.execution.OrderEvent.OrderRejected;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import com.aegis.core.execution.OrderEvent.OrderUpdated;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SignalId;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.execution.TradeId;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.OutsideCalendarCoverageException;
import com.aegis.core.krx.SessionPhase;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Symbol;
import com.aegis.core.risk.RiskDecision;
import com.aegis.workflows.orders.BrokerActivities.BrokerOrder;
import com.aegis.workflows.orders.BrokerActivities.BrokerStatus;
import com.aegis.workflows.orders.OrderCheckActivities.LastPrice;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;

/**
 * One order from decision to execution report. The order itself is core's {@link Order}: every change is an event
 * through its transition table, and fills are de-duplicated by trade ID there.
 *
 * <p>Resting rules: once the order is accepted, a partially filled order has its remainder canceled when it is
 * {@link ExecutionPolicy#partialFillTimeout()} old (E4's partial cancel); an order still open is reviewed every
 * {@link ExecutionPolicy#reviewInterval()} by {@link OpenOrderReview} (E5). A cancel is only requested here: the
 * broker's inquiry decides whether it took effect, and any fill it lists that the notices missed is applied first.
 * After a failed broker call the workflow likewise inquires before acting again.
 */
public class OrderLifecycleWorkflowImpl implements OrderLifecycleWorkflow {

    /** Phases in which KRX takes regular orders. */
    static final Set<SessionPhase> ORDER_ENTRY_PHASES =
            EnumSet.of(SessionPhase.PRE_OPEN_AUCTION, SessionPhase.CONTINUOUS, SessionPhase.CLOSING_AUCTION);
    /** Submit rounds (each with the broker stub's retries) before an order the broker never saw is given up. */
    static final int SUBMIT_ROUNDS = 2;
    /** Inquiries that may still list the order open after an accepted cancel request before it counts as refused. */
    static final int PENDING_CANCEL_CHECKS = 3;
    /** Reason code of an order whose submission could not be confirmed by the broker. */
    public static final String SUBMIT_UNCONFIRMED = "SUBMIT_UNCONFIRMED";

    private static final Logger log = Workflow.getLogger(OrderLifecycleWorkflowImpl.class);

    private final BrokerActivities broker = OrderStubs.broker();
    private final OrderCheckActivities checks = OrderStubs.checks();
    private final OrderStoreActivities store = OrderStubs.store();
    private final KrxCalendar calendar = KrxCalendar.standard();

    private final List<FillNotice> pendingFills = new ArrayList<>();
    private FillCoverage coverage;
    private MarketTime market;
    private final Set<String> orderNumbers = new LinkedHashSet<>();
    private int duplicateNotices;
    private final List<OrderState.Note> notes = new ArrayList<>();
    private String workflowId;
    private String brokerOrderKey;
    private OrderDecision decision;
    private Order order;
    private String operatorCancel;
    private String closeReason;
    private int reprices;
    private boolean cancelRefused;
    private int pendingCancelChecks;
    private int persistedEvents;

    @Override
    public OrderExecutionReport run(OrderDecision decision) {
        this.decision = decision;
        this.workflowId = Workflow.getInfo().getWorkflowId();
        this.brokerOrderKey = brokerOrderKey(workflowId, 1);
        this.coverage = new FillCoverage(workflowId);
        this.market = MarketTime.read(checks);
        Instant now = now();
        SubmitOrder command = new SubmitOrder(ClientOrderId.of(workflowId), AccountId.of(decision.accountId()),
                Symbol.of(decision.symbol()), decision.market(), decision.side(), decision.type(),
                decision.quantity(), decision.limitPrice(), decision.decisionPrice(),
                Optional.of(SignalId.of(decision.signalId())),
                Optional.ofNullable(decision.parentOrderId()).map(ClientOrderId::of), now);
        order = Order.create(command);

        RiskDecision verdict = validate(command, now);
        if (!verdict.isApproved()) {
            apply(verdict.toEvent(command).orElseThrow());
            closeReason = "denied: " + ((RiskDecision.Denied) verdict).message();
        } else if (operatorCancel != null) {
            apply(new OrderCanceled(order.clientOrderId(), now()));
            closeReason = operatorCancel;
        } else {
            persist();
            submit();
            if (order.isOpen()) {
                manage();
            }
        }
        return finish();
    }

    /** {@code <workflowId>-<sequence>}: the broker order key of the n-th order this workflow places. */
    public static String brokerOrderKey(String workflowId, int submitSequence) {
        if (submitSequence < 1) {
            throw new IllegalArgumentException("submit sequence starts at 1, got " + submitSequence);
        }
        return workflowId + "-" + submitSequence;
    }

    @Override
    public void fill(FillNotice notice) {
        pendingFills.add(notice);
    }

    @Override
    public void cancel(String reason, String operator) {
        if (operatorCancel == null) {
            operatorCancel = "operator " + operator + ": " + reason;
        }
    }

    @Override
    public OrderState state() {
        if (order == null) {
            return new OrderState(workflowId, brokerOrderKey, null, OrderStatus.INITIALIZED, 0, 0, 0, null, 0, 0,
                    null, List.of(), List.copyOf(notes));
        }
        return new OrderState(workflowId, brokerOrderKey, order.brokerOrderId().map(Object::toString).orElse(null),
                order.status(), order.quantity(), order.limitPrice(), order.filledQuantity(),
                order.averageFillPrice().orElse(null), order.duplicateFillsIgnored() + duplicateNotices, reprices,
                order.rejectReason().orElse(null), eventRecords(0), List.copyOf(notes));
    }

    // ---- validation (E3) ----

    private RiskDecision validate(SubmitOrder command, Instant now) {
        ZonedDateTime kst = now.atZone(KrxCalendar.KST);
        LocalDate today = kst.toLocalDate();
        if (!decision.date().equals(today)) {
            return RiskDecision.deny(DenialReason.INVALID_ORDER, "the decision is for " + decision.date()
                    + ", it is " + today + " in Seoul");
        }
        try {
            Optional<String> closed = calendar.closureReason(today);
            if (closed.isPresent()) {
                return RiskDecision.deny(DenialReason.MARKET_CLOSED, today + " is not a trading day ("
                        + closed.get() + ")");
            }
            SessionPhase phase = calendar.phaseAt(now);
            if (!ORDER_ENTRY_PHASES.contains(phase)) {
                return RiskDecision.deny(DenialReason.MARKET_CLOSED, "no regular orders at "
                        + kst.toLocalTime().withNano(0) + " KST (" + phase + ")");
            }
        } catch (OutsideCalendarCoverageException e) {
            return RiskDecision.deny(DenialReason.MARKET_CLOSED, e.getMessage());
        }
        try {
            return checks.validate(new OrderCheckActivities.ValidationRequest(workflowId,
                    command.accountId().value(), command.symbol().code(), command.market(), command.side(),
                    command.type(), command.quantity(), command.limitPrice(), command.decisionPrice(),
                    decision.signalId(), decision.parentOrderId())).toDecision();
        } catch (ActivityFailure failure) {
            return RiskDecision.deny(DenialReason.NO_MARKET_DATA, "the pre-trade check could not run ("
                    + rootMessage(failure) + "); no order goes out unchecked");
        }
    }

    // ---- submission and reconciliation ----

    private void submit() {
        apply(new OrderSubmitted(order.clientOrderId(), now()));
        persist();
        BrokerActivities.SubmitRequest request = new BrokerActivities.SubmitRequest(brokerOrderKey, workflowId,
                decision.accountId(), decision.symbol(), decision.market(), decision.side(), decision.type(),
                decision.quantity(), decision.limitPrice());
        for (int round = 1; round <= SUBMIT_ROUNDS; round++) {
            BrokerActivities.SubmitResult result;
            try {
                result = broker.submit(request);
            } catch (ActivityFailure failure) {
                note("submit round " + round + " failed (" + rootMessage(failure) + "); inquiring " + brokerOrderKey);
                Optional<BrokerOrder> known = reconcile();
                if (known.isPresent() && known.get().status() != BrokerStatus.NOT_FOUND) {
                    return;
                }
                continue;
            }
            if (result.accepted()) {
                orderNumbers.add(result.brokerOrderId());
                apply(new OrderAccepted(order.clientOrderId(), now(), BrokerOrderId.of(result.brokerOrderId())));
            } else {
                apply(new OrderRejected(order.clientOrderId(), now(), result.reasonCode(),
                        result.message() == null ? "" : result.message()));
                closeReason = "rejected by the broker: " + result.reasonCode() + " " + result.message();
            }
            return;
        }
        apply(new OrderRejected(order.clientOrderId(), now(), SUBMIT_UNCONFIRMED, "the broker did not confirm "
                + brokerOrderKey + " after " + SUBMIT_ROUNDS + " rounds and does not list it"));
        closeReason = "submission unconfirmed";
    }

    /**
     * Brings the order in line with the broker's inquiry: acceptance or rejection of a submission whose answer was
     * lost, fills the notices missed, a limit change, and the outcome of a pending cancel. Empty if the inquiry
     * itself failed.
     */
    private Optional<BrokerOrder> reconcile() {
        BrokerOrder known;
        try {
            known = broker.inquire(new BrokerActivities.Inquiry(brokerOrderKey,
                    order.brokerOrderId().map(Object::toString).orElse(null)));
        } catch (ActivityFailure failure) {
            note("inquiry of " + brokerOrderKey + " failed (" + rootMessage(failure) + ")");
            return Optional.empty();
        }
        if (known.status() == BrokerStatus.NOT_FOUND) {
            note("the broker does not know " + brokerOrderKey);
            return Optional.of(known);
        }
        if (order.status() == OrderStatus.SUBMITTED) {
            if (known.status() == BrokerStatus.REJECTED) {
                apply(new OrderRejected(order.clientOrderId(), now(), known.reasonCode(),
                        known.message() == null ? "" : known.message()));
                closeReason = "rejected by the broker: " + known.reasonCode() + " " + known.message();
                return Optional.of(known);
            }
            String original = known.legs().isEmpty() ? known.brokerOrderId() : known.legs().get(0).brokerOrderId();
            orderNumbers.add(original);
            apply(new OrderAccepted(order.clientOrderId(), now(), BrokerOrderId.of(original)));
            note("reconciled: the broker holds " + known.brokerOrderId() + " (" + known.status() + ")");
        }
        for (BrokerActivities.Leg leg : known.legs()) {
            if (orderNumbers.add(leg.brokerOrderId())) {
                note("the broker lists order number " + leg.brokerOrderId() + " for " + brokerOrderKey);
            }
            List<FillCoverage.Slice> slices;
            try {
                slices = coverage.inquiry(leg.brokerOrderId(), leg.filledQuantity(), leg.filledAmount());
            } catch (IllegalArgumentException e) {
                note("inquiry fills not applied: " + e.getMessage());
                log.warn("order {}: {}", workflowId, e.getMessage());
                continue;
            }
            for (FillCoverage.Slice slice : slices) {
                note("inquiry: " + slice.quantity() + " shares at " + slice.price() + " the notices missed ("
                        + slice.tradeId() + ")");
                applyFill(slice.tradeId(), slice.price(), slice.quantity(), leg.lastFillAt());
            }
        }
        boolean resting = order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.PARTIALLY_FILLED;
        if (resting && order.command().type() == OrderType.LIMIT && known.limitPrice() > 0
                && known.limitPrice() != order.limitPrice() && known.status() == BrokerStatus.OPEN) {
            apply(new OrderUpdated(order.clientOrderId(), now(), order.quantity(), known.limitPrice()));
        }
        if (order.isOpen()) {
            switch (known.status()) {
                case CANCELED -> apply(new OrderCanceled(order.clientOrderId(), now()));
                case OPEN -> {
                    if (order.status() == OrderStatus.PENDING_CANCEL) {
                        if (cancelRefused || ++pendingCancelChecks >= PENDING_CANCEL_CHECKS) {
                            order.cancelRejected("the broker still lists the order open", now());
                            note("cancel did not take effect; the order rests again");
                            cancelRefused = false;
                            pendingCancelChecks = 0;
                        } else {
                            note("cancel requested; the broker still lists the order open");
                        }
                    }
                }
                case FILLED -> note("the broker lists " + known.filledQuantity() + " filled but the fills listed"
                        + " leave the order " + order.status());
                default -> note("the broker lists the order " + known.status() + " while it is " + order.status());
            }
        }
        return Optional.of(known);
    }

    // ---- resting: fills, partial cancel, reviews ----

    private void manage() {
        ExecutionPolicy policy = decision.policy();
        Instant acceptedAt = now();
        Instant partialDeadline = acceptedAt.plus(policy.partialFillTimeout());
        Instant nextReview = acceptedAt.plus(policy.reviewInterval());
        Instant nextCancelAttempt = acceptedAt;
        while (true) {
            drainFills();
            persist();
            if (!order.isOpen()) {
                return;
            }
            Instant now = now();
            boolean pendingCancel = order.status() == OrderStatus.PENDING_CANCEL;
            String cancelReason = operatorCancel != null ? operatorCancel
                    : order.filledQuantity() > 0 && !now.isBefore(partialDeadline)
                            ? "unfilled " + order.unfilledQuantity() + " of " + order.quantity() + " shares "
                                    + policy.partialFillTimeout().toSeconds() + " s after acceptance"
                            : null;
            if (!now.isBefore(nextCancelAttempt) && (pendingCancel || cancelReason != null)) {
                nextCancelAttempt = now.plus(policy.partialFillTimeout());
                if (pendingCancel) {
                    reconcile();
                } else {
                    cancelRemainder(cancelReason);
                }
                continue;
            }
            if (!pendingCancel && !now.isBefore(nextReview)) {
                nextReview = nextReview.plus(policy.reviewInterval());
                String reviewCancel = review(now);
                if (reviewCancel != null) {
                    nextCancelAttempt = now.plus(policy.partialFillTimeout());
                    cancelRemainder(reviewCancel);
                }
                continue;
            }
            Instant wake = pendingCancel ? nextCancelAttempt : nextReview;
            if (!pendingCancel && order.filledQuantity() > 0 && partialDeadline.isAfter(now)
                    && partialDeadline.isBefore(wake)) {
                wake = partialDeadline;
            }
            if ((pendingCancel || cancelReason != null) && nextCancelAttempt.isBefore(wake)) {
                wake = nextCancelAttempt;
            }
            String cancelBefore = operatorCancel;
            Workflow.await(market.toWorkflow(Duration.between(now, wake)),
                    () -> !pendingFills.isEmpty() || operatorCancel != cancelBefore);
        }
    }

    /** Applies the E5 rule; returns the cancel reason when the rule says cancel. */
    private String review(Instant now) {
        ExecutionPolicy policy = decision.policy();
        SessionPhase next;
        try {
            next = calendar.phaseAt(now.plus(policy.reviewInterval()));
        } catch (OutsideCalendarCoverageException e) {
            next = SessionPhase.CLOSED;
        }
        long lastPrice = 0;
        if (order.command().type() == OrderType.LIMIT) {
            try {
                LastPrice last = checks.lastPrice(decision.symbol());
                lastPrice = last.available() ? last.price() : 0;
            } catch (ActivityFailure failure) {
                note("no last price (" + rootMessage(failure) + ")");
            }
        }
        OpenOrderReview.Decision d = OpenOrderReview.decide(policy, order.command().type(),
                decision.decisionPrice(), order.limitPrice(), decision.decidedAt(), now, next, lastPrice, reprices);
        note("review: " + d.action() + " - " + d.reason());
        switch (d.action()) {
            case CANCEL -> {
                return "review: " + d.reason();
            }
            case REPRICE -> modify(d.newLimitPrice());
            case HOLD -> {
                // nothing to change
            }
        }
        return null;
    }

    private void modify(long newLimit) {
        BrokerActivities.ModifyResult result;
        try {
            result = broker.modify(new BrokerActivities.ModifyRequest(brokerOrderKey,
                    order.brokerOrderId().map(Object::toString).orElseThrow(), order.quantity(), newLimit));
        } catch (ActivityFailure failure) {
            note("modify failed (" + rootMessage(failure) + "); reconciling");
            reconcile();
            return;
        }
        drainFills();
        if (!order.isOpen() || order.status() == OrderStatus.PENDING_CANCEL) {
            return;
        }
        if (result.accepted()) {
            if (result.newBrokerOrderId() != null && orderNumbers.add(result.newBrokerOrderId())) {
                note("modified: the broker numbers the order " + result.newBrokerOrderId() + " now");
            }
            apply(new OrderUpdated(order.clientOrderId(), now(), order.quantity(), newLimit));
            reprices++;
        } else {
            apply(new OrderModifyRejected(order.clientOrderId(), now(), result.reasonCode() + ": "
                    + result.message()));
        }
    }

    private void cancelRemainder(String reason) {
        apply(new OrderPendingCancel(order.clientOrderId(), now(), reason));
        closeReason = reason;
        cancelRefused = false;
        pendingCancelChecks = 0;
        try {
            BrokerActivities.CancelResult result = broker.cancel(new BrokerActivities.CancelRequest(brokerOrderKey,
                    order.brokerOrderId().map(Object::toString).orElse(null), reason));
            cancelRefused = !result.accepted();
            if (!result.accepted()) {
                note("cancel refused: " + result.reasonCode() + " " + result.message());
            }
        } catch (ActivityFailure failure) {
            note("cancel request failed (" + rootMessage(failure) + "); inquiring");
        }
        drainFills();
        reconcile();
    }

    private void drainFills() {
        while (!pendingFills.isEmpty() && order.status() != OrderStatus.INITIALIZED
                && order.status() != OrderStatus.SUBMITTED) {
            FillNotice notice = pendingFills.remove(0);
            if (orderNumbers.add(notice.brokerOrderId())) {
                note("fill " + notice.tradeId() + " names order number " + notice.brokerOrderId()
                        + ", routed to this order by the broker ledger");
            }
            List<FillCoverage.Slice> slices = coverage.notice(notice);
            if (slices.isEmpty()) {
                duplicateNotices++;
                note("duplicate fill " + notice.tradeId() + " ignored");
                continue;
            }
            for (FillCoverage.Slice slice : slices) {
                applyFill(slice.tradeId(), slice.price(), slice.quantity(), notice.executedAt());
            }
        }
    }

    private void applyFill(String tradeId, long price, long quantity, Instant at) {
        try {
            if (order.fill(TradeId.of(tradeId), price, quantity, at) == Order.ApplyOutcome.DUPLICATE_FILL_IGNORED) {
                note("duplicate fill " + tradeId + " ignored");
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Invalid transition, conflicting or over-fill: the notice disagrees with our order; keep it visible.
            note("fill " + tradeId + " not applied: " + e.getMessage());
            log.warn("order {}: fill {} not applied: {}", workflowId, tradeId, e.getMessage());
        }
    }

    // ---- the end ----

    private OrderExecutionReport finish() {
        drainFills();
        persist();
        if (order.status() == OrderStatus.FILLED || closeReason == null) {
            closeReason = order.status() == OrderStatus.FILLED ? "filled" : order.status().name();
        }
        OrderExecutionReport report = OrderExecutionReport.of(workflowId,
                order.brokerOrderId().map(Object::toString).orElse(null),
                ExecutionReport.of(order, TradingCosts.standard()), order.rejectReason().orElse(null), closeReason);
        store.saveReport(report);
        return report;
    }

    private void apply(OrderEvent event) {
        order.apply(event);
    }

    private void persist() {
        List<OrderEvent> events = order.events();
        if (events.size() == persistedEvents) {
            return;
        }
        store.recordEvents(new OrderStoreActivities.EventBatch(OrderSnapshot.of(workflowId, brokerOrderKey, order),
                eventRecords(persistedEvents)));
        persistedEvents = events.size();
    }

    private List<OrderEventRecord> eventRecords(int from) {
        List<OrderEvent> events = order.events();
        List<OrderEventRecord> records = new ArrayList<>(events.size() - from);
        for (int i = from; i < events.size(); i++) {
            records.add(OrderEventRecord.of(i + 1, events.get(i)));
        }
        return records;
    }

    private void note(String text) {
        notes.add(new OrderState.Note(now(), text));
    }

    /** Market time (the venue's clock); before the clock is read, workflow time. */
    private Instant now() {
        return MarketTime.nowOr(market);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
