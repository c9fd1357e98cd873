package com.aegis.marketsim.kis.ws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A feed driven by its caller: tests and demos publish exactly the records they want, when they want. */
public final class ScriptedRealtimeFeed implements RealtimeFeed {

    private final List<RealtimeFeedListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void addListener(RealtimeFeedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RealtimeFeedListener listener) {
        listeners.remove(listener);
    }

    public void publishTrades(RealtimeTrade... trades) {
        List<RealtimeTrade> batch = List.of(trades);
        listeners.forEach(l -> l.onTrades(batch));
    }

    public void publishBooks(RealtimeBook... books) {
        List<RealtimeBook> batch = List.of(books);
        listeners.forEach(l -> l.onBooks(batch));
    }

    public void publishFillNotices(RealtimeFillNotice... notices) {
        List<RealtimeFillNotice> batch = List.of(notices);
        listeners.forEach(l -> l.onFillNotices(batch));
    }
}
