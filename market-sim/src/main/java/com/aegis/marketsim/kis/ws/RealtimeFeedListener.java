package com.aegis.marketsim.kis.ws;

import java.util.List;

/**
 * Receives what the real-time service publishes. Records of one call that share a symbol (or, for fill notices, a
 * customer id) may go out in one multi-record frame. Called on the publisher's thread; must not block.
 */
public interface RealtimeFeedListener {

    void onTrades(List<RealtimeTrade> trades);

    void onBooks(List<RealtimeBook> books);

    void onFillNotices(List<RealtimeFillNotice> notices);
}
