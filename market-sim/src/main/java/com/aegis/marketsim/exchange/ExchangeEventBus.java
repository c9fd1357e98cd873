package com.aegis.marketsim.exchange;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to listeners in registration order and numbers them. A listener that throws is logged and skipped:
 * a faulty consumer must never leave a book half-updated.
 */
public final class ExchangeEventBus {

    private static final Logger log = LoggerFactory.getLogger(ExchangeEventBus.class);

    private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    public void addListener(ExchangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ExchangeListener listener) {
        listeners.remove(listener);
    }

    /** True when someone listens; engines skip building book pictures nobody reads. */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    long nextSequence() {
        return ++sequence;
    }

    void publish(ExchangeEvent event) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.error("exchange listener {} failed on event {}; the event was still applied to the book",
                        listener, event, e);
            }
        }
    }
}
