package com.aegis.activities.orders;

import com.aegis.core.execution.OrderStatus;
import java.time.Instant;

/**
 * A stored {@code execution_report} row; money in KRW.
 *
 * @param filledValue  sum of price x quantity over the fills
 * @param arrivalPrice the decision price, null if the order had none
 * @param slippageBps  null if not finite
 * @param firstFillAt  null without fills
 * @param lastFillAt   null without fills
 */
public record ReportRow(String clientOrderId, long orderedQuantity, long filledQuantity, long filledValue,
        Long arrivalPrice, long commission, long tax, Double slippageBps, int fillCount, Instant firstFillAt,
        Instant lastFillAt, OrderStatus finalStatus, Instant reportedAt, String closeReason, Long netCash,
        Long slippageKrw) {
}
