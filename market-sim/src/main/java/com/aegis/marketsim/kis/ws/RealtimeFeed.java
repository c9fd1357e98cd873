package com.aegis.marketsim.kis.ws;

/** A source of trades, book pictures and fill notices for the real-time service. */
public interface RealtimeFeed {

    void addListener(RealtimeFeedListener listener);

    void removeListener(RealtimeFeedListener listener);
}
