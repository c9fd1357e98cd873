package com.aegis.workflows.orders;

import com.aegis.core.execution.TradeId;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution from the broker's fill-notice stream, signalled to the order's workflow.
 *
 * <p>KIS notices carry no execution ID and its inquiry only totals fills per order number, so an execution is
 * identified by where it ends in its order number's cumulative filled quantity: {@code <order no>-c<cumulative>}. The
 * notice path and the inquiry path name the same shares alike, and a notice whose range the order already covers is
 * a duplicate.
 *
 * @param tradeId            {@link #tradeIdOf} of the order number and cumulative quantity
 * @param brokerOrderId      the broker order number the execution is under
 * @param price              execution price, KRW per share
 * @param quantity           shares executed
 * @param cumulativeQuantity shares filled under {@code brokerOrderId} including this execution
 * @param executedAt         execution time (its KST date decides the sell tax)
 */
public record FillNotice(String tradeId, String brokerOrderId, long price, long quantity, long cumulativeQuantity,
                         Instant executedAt) {

    public FillNotice {
        TradeId.of(tradeId);
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(executedAt, "executedAt");
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("fill " + tradeId + " needs a positive price and quantity, got "
                    + quantity + " shares at " + price + " KRW");
        }
        if (cumulativeQuantity < quantity) {
            throw new IllegalArgumentException("fill " + tradeId + " of " + quantity + " shares cannot end at "
                    + cumulativeQuantity + " shares filled");
        }
    }

    /** The notice of an execution, its trade ID derived from the order number and the cumulative quantity. */
    public static FillNotice of(String brokerOrderId, long price, long quantity, long cumulativeQuantity,
                                Instant executedAt) {
        return new FillNotice(tradeIdOf(brokerOrderId, cumulativeQuantity), brokerOrderId, price, quantity,
                cumulativeQuantity, executedAt);
    }

    /** {@code <order no>-c<cumulative>}: the execution that brought the order number to that many shares filled. */
    public static String tradeIdOf(String brokerOrderId, long cumulativeQuantity) {
        if (brokerOrderId == null || brokerOrderId.isBlank()) {
            throw new IllegalArgumentException("a trade ID needs the broker order number");
        }
        if (cumulativeQuantity <= 0) {
            throw new IllegalArgumentException("cumulative quantity must be positive, got " + cumulativeQuantity);
        }
        return brokerOrderId + "-c" + cumulativeQuantity;
    }
}
