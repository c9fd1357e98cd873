package com.aegis.activities.fills;

import static com.aegis.db.jooq.Tables.BROKER_ORDER_NUMBER;
import static com.aegis.db.jooq.Tables.BROKER_SUBMISSION;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Reads the broker ledger: {@code broker_order_number} (every number an order has had, original and modifications)
 * joined to {@code broker_submission.workflow_id}.
 */
public final class LedgerWorkflowIdLookup implements WorkflowIdLookup {

    private final DSLContext db;

    public LedgerWorkflowIdLookup(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<String> workflowIdOf(LocalDate tradeDate, String brokerOrderNo) {
        return db.select(BROKER_SUBMISSION.WORKFLOW_ID)
                .from(BROKER_ORDER_NUMBER)
                .join(BROKER_SUBMISSION).on(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY))
                .where(BROKER_ORDER_NUMBER.TRADE_DATE.eq(tradeDate))
                .and(BROKER_ORDER_NUMBER.BROKER_ORDER_NO.eq(brokerOrderNo))
                .fetchOptional(BROKER_SUBMISSION.WORKFLOW_ID);
    }
}
