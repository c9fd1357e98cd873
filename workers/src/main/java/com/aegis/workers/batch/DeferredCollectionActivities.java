package com.aegis.workers.batch;

import com.aegis.workflows.batch.CollectionActivities;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.util.Objects;
import java.util.function.Supplier;

/** The collection activities, created on their first call and then reused. */
final class DeferredCollectionActivities implements CollectionActivities {

    private final Supplier<CollectionActivities> factory;
    private volatile CollectionActivities delegate;

    DeferredCollectionActivities(Supplier<CollectionActivities> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    private CollectionActivities delegate() {
        CollectionActivities current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = factory.get();
                }
                current = delegate;
            }
        }
        return current;
    }

    @Override
    public CollectionReport collectDailyMarket(CollectionRequest request) {
        return delegate().collectDailyMarket(request);
    }

    @Override
    public CollectionReport collectDisclosures(CollectionRequest request) {
        return delegate().collectDisclosures(request);
    }

    @Override
    public CollectionReport collectGlobalIndicators(CollectionRequest request) {
        return delegate().collectGlobalIndicators(request);
    }

    @Override
    public CollectionReport tidyDailyMarket(CollectionRequest request) {
        return delegate().tidyDailyMarket(request);
    }
}
