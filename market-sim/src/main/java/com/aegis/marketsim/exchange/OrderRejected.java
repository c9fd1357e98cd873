package com.aegis.marketsim.exchange;

import com.aegis.core.market.Symbol;
import java.time.Instant;

/**
 * A command was refused; nothing in the book changed. {@code targetOrderId} is the order a refused modify/cancel
 * referred to, or null for a refused new order; {@code clientKey} is null for a modify/cancel of an order the exchange
 * does not know, and {@code symbol} is null when such an order's stock cannot be told. {@code detail} names the
 * offending input.
 */
public record OrderRejected(long sequence, Instant time, Symbol symbol, ClientOrderKey clientKey,
                            ExchangeOrderId targetOrderId, RejectReason reason, String detail)
        implements ExchangeEvent, OrderResponse, ModifyResponse, CancelResponse {

    /** Broker-style text, e.g. "호가단위 오류: price 10,005 is not a valid tick (tick 10 at this price)". */
    public String message() {
        return reason.brokerMessage() + ": " + detail;
    }
}
