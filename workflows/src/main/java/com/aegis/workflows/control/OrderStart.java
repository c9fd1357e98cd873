package com.aegis.workflows.control;

import java.time.LocalDate;

/**
 * The request to start the order workflow of a decision. The order workflow ID is derived from (date, symbol, side,
 * signal id), so a retried start never creates a second order.
 *
 * @param date       the KST trading day
 * @param decision   the decision to execute
 * @param approvedBy the operator who approved it, or {@link TradingControlWorkflow#AUTO_APPROVER} in AUTO mode
 */
public record OrderStart(LocalDate date, OrderDecision decision, String approvedBy) {
}
