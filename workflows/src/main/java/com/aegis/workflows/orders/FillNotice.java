package com.aegis.workflows.orders;

import com.aegis.core.execution.TradeId;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution from the broker's fill-notice stream, signalled to the order's workflow. The same trade ID delivered
 * twice is one fill.
 *
 * @param tradeId       the broker's execution id
 * @param brokerOrderId the broker order it belongs to, or null when the notice does not say
 * @param price         execution price, KRW per share
 * @param quantity      shares executed
 * @param executedAt    execution time (its KST date decides the sell tax)
 */
public record FillNotice(String tradeId, String brokerOrderId, long price, long quantity, Instant executedAt) {

    public FillNotice {
        TradeId.of(tradeId);
        Objects.requireNonNull(executedAt, "executedAt");
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("fill " + tradeId + " needs a positive price and quantity, got "
                    + quantity + " shares at " + price + " KRW");
        }
    }
}
