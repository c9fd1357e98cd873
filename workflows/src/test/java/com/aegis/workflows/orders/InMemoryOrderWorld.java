package com.aegis.workflows.orders;

import com.aegis.core.execution.DenialReason;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A simulated broker, pre-trade check and order store in memory. The broker places each order key once, answers a
 * repeated submit with the order already placed, and delivers scripted fills by signalling the order's workflow, as
 * the fill-notice consumer does.
 */
final class InMemoryOrderWorld implements BrokerActivities, OrderCheckActivities, OrderStoreActivities {

    /** A scripted execution; the same label twice redelivers that execution's notice. */
    record Script(String label, long price, long quantity) {
    }

    /** The broker's book entry of one order. */
    static final class Placed {
        final String key;
        final String brokerOrderId;
        final String workflowId;
        final SubmitRequest request;
        BrokerStatus status = BrokerStatus.OPEN;
        long limitPrice;
        final Map<String, FillNotice> fills = new LinkedHashMap<>();
        /** Executions the notices never delivered (a lost notice); only the inquiry lists them. */
        long silentQuantity;
        long silentAmount;

        Placed(String key, String brokerOrderId, String workflowId, SubmitRequest request) {
            this.key = key;
            this.brokerOrderId = brokerOrderId;
            this.workflowId = workflowId;
            this.request = request;
            this.limitPrice = request.limitPrice();
        }

        long filled() {
            return fills.values().stream().mapToLong(FillNotice::quantity).sum() + silentQuantity;
        }

        long filledAmount() {
            return fills.values().stream().mapToLong(f -> f.price() * f.quantity()).sum() + silentAmount;
        }
    }

    private final Supplier<Instant> clock;
    private WorkflowClient client;
    final Map<String, Placed> placed = new ConcurrentHashMap<>();
    final AtomicInteger submitCalls = new AtomicInteger();
    final AtomicInteger cancelCalls = new AtomicInteger();
    final AtomicInteger modifyCalls = new AtomicInteger();
    final AtomicInteger inquiries = new AtomicInteger();
    final CountDownLatch accepted = new CountDownLatch(1);
    /** Submit calls that place the order and then fail, as if the answer were lost. */
    final AtomicInteger failSubmitAfterPlacing = new AtomicInteger();
    final Map<String, String[]> rejectSymbols = new ConcurrentHashMap<>();
    final Map<String, DenialReason> denySymbols = new ConcurrentHashMap<>();
    final Map<String, List<Script>> fillsOnAccept = new ConcurrentHashMap<>();
    /** Symbols whose orders get one execution (price, quantity) on acceptance whose notice is lost. */
    final Map<String, long[]> silentOnAccept = new ConcurrentHashMap<>();
    /** Symbols whose every order fills completely at once, at this price. */
    final Map<String, Long> fillAllAt = new ConcurrentHashMap<>();
    /** Symbols whose remaining shares fill just before a cancel reaches the broker. */
    final java.util.Set<String> fillRestOnCancel = ConcurrentHashMap.newKeySet();
    final Map<String, Long> lastPrices = new ConcurrentHashMap<>();
    final Map<String, OrderSnapshot> orders = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, OrderEventRecord>> events = new ConcurrentHashMap<>();
    final Map<String, OrderExecutionReport> reports = new ConcurrentHashMap<>();
    private final AtomicInteger nextOrderNo = new AtomicInteger(1000);

    InMemoryOrderWorld(Supplier<Instant> clock) {
        this.clock = clock;
    }

    void connect(WorkflowClient client) {
        this.client = client;
    }

    // ---- broker ----

    @Override
    public SubmitResult submit(SubmitRequest request) {
        submitCalls.incrementAndGet();
        String[] reject = rejectSymbols.get(request.symbol());
        if (reject != null) {
            return SubmitResult.rejected(reject[0], reject[1]);
        }
        Placed order;
        boolean fresh;
        synchronized (placed) {
            order = placed.get(request.brokerOrderKey());
            fresh = order == null;
            if (fresh) {
                order = new Placed(request.brokerOrderKey(), "KIS" + nextOrderNo.incrementAndGet(),
                        Activity.getExecutionContext().getInfo().getWorkflowId(), request);
                placed.put(request.brokerOrderKey(), order);
            }
        }
        if (fresh) {
            for (Script s : fillsOnAccept.getOrDefault(request.symbol(), List.of())) {
                execute(order, s);
            }
            long[] silent = silentOnAccept.get(request.symbol());
            if (silent != null) {
                executeSilently(request.brokerOrderKey(), silent[0], silent[1]);
            }
            Long fillAll = fillAllAt.get(request.symbol());
            if (fillAll != null) {
                execute(order, new Script(order.brokerOrderId + "-T1", fillAll, request.quantity()));
            }
        }
        accepted.countDown();
        if (failSubmitAfterPlacing.getAndDecrement() > 0) {
            throw new IllegalStateException("connection reset after the order was sent");
        }
        return SubmitResult.accepted(order.brokerOrderId);
    }

    private void execute(Placed order, Script s) {
        FillNotice notice;
        synchronized (order) {
            notice = order.fills.get(s.label());
            if (notice == null) {
                notice = FillNotice.of(order.brokerOrderId, s.price(), s.quantity(), order.filled() + s.quantity(),
                        clock.get());
                order.fills.put(s.label(), notice);
            }
            if (order.filled() == order.request.quantity()) {
                order.status = BrokerStatus.FILLED;
            }
        }
        client.newWorkflowStub(OrderLifecycleWorkflow.class, order.workflowId).fill(notice);
    }

    /** An execution whose notice is lost: only the broker's inquiry shows it. */
    void executeSilently(String key, long price, long quantity) {
        Placed order = placed.get(key);
        synchronized (order) {
            order.silentQuantity += quantity;
            order.silentAmount += price * quantity;
            if (order.filled() == order.request.quantity()) {
                order.status = BrokerStatus.FILLED;
            }
        }
    }

    @Override
    public CancelResult cancel(CancelRequest request) {
        cancelCalls.incrementAndGet();
        Placed order = placed.get(request.brokerOrderKey());
        if (order == null) {
            return new CancelResult(false, "NO_ORDER", "no order " + request.brokerOrderKey());
        }
        if (fillRestOnCancel.contains(order.request.symbol()) && order.status == BrokerStatus.OPEN) {
            // The last shares trade while the cancel is on its way.
            execute(order, new Script(order.brokerOrderId + "-T9", order.limitPrice,
                    order.request.quantity() - order.filled()));
        }
        synchronized (order) {
            if (order.status != BrokerStatus.OPEN) {
                return new CancelResult(false, "NOT_OPEN", "order is " + order.status);
            }
            order.status = BrokerStatus.CANCELED;
        }
        return new CancelResult(true, null, "canceled");
    }

    @Override
    public ModifyResult modify(ModifyRequest request) {
        modifyCalls.incrementAndGet();
        Placed order = placed.get(request.brokerOrderKey());
        synchronized (order) {
            if (order.status != BrokerStatus.OPEN) {
                return new ModifyResult(false, null, "NOT_OPEN", "order is " + order.status);
            }
            order.limitPrice = request.limitPrice();
        }
        return new ModifyResult(true, order.brokerOrderId, null, "modified");
    }

    @Override
    public BrokerOrder inquire(Inquiry inquiry) {
        inquiries.incrementAndGet();
        Placed order = placed.get(inquiry.brokerOrderKey());
        if (order == null) {
            return BrokerOrder.notFound();
        }
        synchronized (order) {
            return new BrokerOrder(order.status, order.brokerOrderId, order.request.quantity(), order.limitPrice,
                    order.filled(), order.filled() == 0 ? List.of()
                    : List.of(new Leg(order.brokerOrderId, order.filled(), order.filledAmount(), clock.get())),
                    null, null);
        }
    }

    // ---- checks ----

    @Override
    public Validation validate(ValidationRequest request) {
        DenialReason reason = denySymbols.get(request.symbol());
        if (reason != null) {
            return new Validation(false, reason, reason + " for " + request.symbol());
        }
        return new Validation(true, null, "approved");
    }

    @Override
    public MarketClockReading marketClock() {
        return new MarketClockReading(clock.get(), 1.0);
    }

    @Override
    public LastPrice lastPrice(String symbol) {
        Long price = lastPrices.get(symbol);
        return price == null ? new LastPrice(false, 0) : new LastPrice(true, price);
    }

    // ---- store ----

    @Override
    public void recordEvents(EventBatch batch) {
        orders.put(batch.order().clientOrderId(), batch.order());
        Map<Integer, OrderEventRecord> stored = events.computeIfAbsent(batch.order().clientOrderId(),
                k -> new HashMap<>());
        synchronized (stored) {
            for (OrderEventRecord e : batch.events()) {
                stored.putIfAbsent(e.sequence(), e);
            }
        }
    }

    @Override
    public void saveReport(OrderExecutionReport report) {
        reports.put(report.clientOrderId(), report);
    }

    /** The stored event types of an order, in sequence. */
    List<String> storedEventTypes(String clientOrderId) {
        Map<Integer, OrderEventRecord> stored = events.getOrDefault(clientOrderId, Map.of());
        return stored.values().stream().sorted(java.util.Comparator.comparingInt(OrderEventRecord::sequence))
                .map(OrderEventRecord::eventType).toList();
    }
}
