package com.aegis.workflows.control;

import java.time.Instant;

/**
 * A decision whose order workflow was started.
 *
 * @param decisionId the decision's id
 * @param decision   the decision
 * @param approvedBy the approving operator, or {@link TradingControlWorkflow#AUTO_APPROVER}
 * @param orderRef   the order workflow's ID as returned by the start activity
 * @param startedAt  when it was started
 */
public record StartedOrder(String decisionId, OrderDecision decision, String approvedBy, String orderRef,
        Instant startedAt) {
}
