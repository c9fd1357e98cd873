package com.aegis.activities.orders;

import com.aegis.core.market.Side;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored {@code fill} row; money in KRW.
 *
 * @param tradeId    the broker's execution id
 * @param commission brokerage commission of this fill
 * @param tax        sell tax of this fill, 0 on a buy
 * @param tradeDate  KST date of the fill
 */
public record FillRow(String tradeId, String clientOrderId, String symbol, Side side, long price, long quantity,
        long commission, long tax, LocalDate tradeDate, Instant filledAt) {

    /** Price times quantity. */
    public long notional() {
        return Math.multiplyExact(price, quantity);
    }
}
