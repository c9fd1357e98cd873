package com.aegis.benchmarks.orders;

import com.aegis.workflows.orders.BrokerActivities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker port with a stopwatch: when {@link #submit} returns an accepted result, the {@code System.nanoTime} of
 * that moment is recorded under the request's broker order key ({@code <workflowId>-1} for an order's first
 * submission). Every call's start time is kept too, to show the broker queue's call rate. Answers are passed through
 * unchanged.
 */
public final class TimedBrokerActivities implements BrokerActivities {

    private final BrokerActivities delegate;
    private final Map<String, CompletableFuture<Long>> accepted = new ConcurrentHashMap<>();
    private final List<Long> callStarts = new ArrayList<>();

    public TimedBrokerActivities(BrokerActivities delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Completes with the nano time of the first accepted submit under the key. */
    public CompletableFuture<Long> acceptance(String brokerOrderKey) {
        return accepted.computeIfAbsent(brokerOrderKey, k -> new CompletableFuture<>());
    }

    /** The nano times at which broker calls (of any kind) started, in order. */
    public synchronized List<Long> callStarts() {
        return List.copyOf(callStarts);
    }

    private synchronized void started() {
        callStarts.add(System.nanoTime());
    }

    @Override
    public SubmitResult submit(SubmitRequest request) {
        started();
        SubmitResult result = delegate.submit(request);
        if (result.accepted()) {
            acceptance(request.brokerOrderKey()).complete(System.nanoTime());
        }
        return result;
    }

    @Override
    public CancelResult cancel(CancelRequest request) {
        started();
        return delegate.cancel(request);
    }

    @Override
    public ModifyResult modify(ModifyRequest request) {
        started();
        return delegate.modify(request);
    }

    @Override
    public BrokerOrder inquire(Inquiry inquiry) {
        started();
        return delegate.inquire(inquiry);
    }
}
