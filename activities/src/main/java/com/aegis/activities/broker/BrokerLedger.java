package com.aegis.activities.broker;

import static com.aegis.db.jooq.Tables.BROKER_ORDER_NUMBER;
import static com.aegis.db.jooq.Tables.BROKER_SUBMISSION;

import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.db.jooq.tables.records.BrokerOrderNumberRecord;
import com.aegis.db.jooq.tables.records.BrokerSubmissionRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The broker adapter's ledger in PostgreSQL (V9): one {@code broker_submission} row per broker order key (written as
 * an INTENT before the order goes out, then PLACED with the broker's order number or REJECTED with its code), and the
 * order numbers each placed order has had ({@code broker_order_number}: the original as seq 0, one per accepted
 * modification). Fill notices are routed by {@link #workflowIdOf}.
 *
 * <p>{@link #exclusively} serializes the work on one key across workers with a PostgreSQL advisory lock, while the
 * ledger's writes inside it commit at once: an INTENT written before a broker call stays written when the call fails.
 */
public final class BrokerLedger {

    /** The state of a submission: see the {@code broker_submission.state} column. */
    public enum State {
        /** About to be sent, or sent with the answer lost. */
        INTENT,
        /** The broker took the order and gave it a number. */
        PLACED,
        /** The broker refused the order. */
        REJECTED
    }

    /** An order to be placed under a key; {@code limitPrice} is 0 for a market order. */
    public record Intent(String brokerOrderKey, String workflowId, String accountId, LocalDate tradeDate,
                         Symbol symbol, Side side, OrderType type, long quantity, long limitPrice) {
        public Intent {
            requireText(brokerOrderKey, "brokerOrderKey");
            requireText(workflowId, "workflowId");
            requireText(accountId, "accountId");
            Objects.requireNonNull(tradeDate, "tradeDate");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(type, "type");
            if (quantity <= 0) {
                throw new IllegalArgumentException("order " + brokerOrderKey + " needs a positive quantity, got "
                        + quantity);
            }
            if (type == OrderType.LIMIT ? limitPrice <= 0 : limitPrice != 0) {
                throw new IllegalArgumentException("order " + brokerOrderKey + ": a " + type + " order needs "
                        + (type == OrderType.LIMIT ? "a positive limit price" : "limit price 0") + ", got "
                        + limitPrice);
            }
        }
    }

    /** One {@code broker_submission} row. */
    public record Submission(Intent intent, State state, String brokerOrderNo, String reasonCode, String message,
                             Instant createdAt) {

        public String brokerOrderKey() {
            return intent.brokerOrderKey();
        }

        public LocalDate tradeDate() {
            return intent.tradeDate();
        }
    }

    /**
     * One number an order has had at the broker.
     *
     * @param seq      0 for the original order, then one per accepted modification
     * @param branchNo the KRX forwarding branch (KRX_FWDG_ORD_ORGNO) KIS answered with it, null when unknown
     */
    public record OrderNumber(LocalDate tradeDate, String brokerOrderNo, int seq, String branchNo) {
    }

    /** Advisory locks of broker order keys are taken on {@code hashtext('broker-order:' || key)}. */
    private static final String LOCK_PREFIX = "broker-order:";

    private final DSLContext db;

    public BrokerLedger(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Runs {@code work} while holding the key's session-level advisory lock on one connection; the ledger handed to
     * it writes on that connection, each write committed at once. Other workers' {@code exclusively} on the same key
     * wait. A worker that dies mid-call loses its connection and with it the lock.
     */
    public <T> T exclusively(String brokerOrderKey, Function<BrokerLedger, T> work) {
        requireText(brokerOrderKey, "brokerOrderKey");
        Objects.requireNonNull(work, "work");
        return db.connectionResult(connection -> {
            DSLContext session = DSL.using(connection, db.dialect(), db.settings());
            String lockName = LOCK_PREFIX + brokerOrderKey;
            session.fetch("select pg_advisory_lock(hashtext(?))", lockName);
            try {
                return work.apply(new BrokerLedger(session));
            } finally {
                session.fetch("select pg_advisory_unlock(hashtext(?))", lockName);
            }
        });
    }

    /** Writes the intent unless the key has a row already; true if this call wrote it. */
    public boolean recordIntent(Intent intent, Instant at) {
        OffsetDateTime now = utc(at);
        return db.insertInto(BROKER_SUBMISSION)
                .set(BROKER_SUBMISSION.BROKER_ORDER_KEY, intent.brokerOrderKey())
                .set(BROKER_SUBMISSION.WORKFLOW_ID, intent.workflowId())
                .set(BROKER_SUBMISSION.ACCOUNT_ID, intent.accountId())
                .set(BROKER_SUBMISSION.TRADE_DATE, intent.tradeDate())
                .set(BROKER_SUBMISSION.SYMBOL, intent.symbol().code())
                .set(BROKER_SUBMISSION.SIDE, intent.side().name())
                .set(BROKER_SUBMISSION.ORDER_TYPE, intent.type().name())
                .set(BROKER_SUBMISSION.QUANTITY, intent.quantity())
                .set(BROKER_SUBMISSION.LIMIT_PRICE, intent.limitPrice())
                .set(BROKER_SUBMISSION.STATE, State.INTENT.name())
                .set(BROKER_SUBMISSION.CREATED_AT, now)
                .set(BROKER_SUBMISSION.UPDATED_AT, now)
                .onConflict(BROKER_SUBMISSION.BROKER_ORDER_KEY).doNothing()
                .execute() == 1;
    }

    /** The submission under the key, if any. */
    public Optional<Submission> submission(String brokerOrderKey) {
        return db.selectFrom(BROKER_SUBMISSION).where(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(brokerOrderKey))
                .fetchOptional().map(BrokerLedger::submissionOf);
    }

    /** The order numbers of the key's order, the original first. */
    public List<OrderNumber> orderNumbers(String brokerOrderKey) {
        return db.selectFrom(BROKER_ORDER_NUMBER).where(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY.eq(brokerOrderKey))
                .orderBy(BROKER_ORDER_NUMBER.SEQ).fetch(BrokerLedger::numberOf);
    }

    /** Whether some order of the ledger has had this number on that day. */
    public boolean isRecorded(LocalDate tradeDate, String brokerOrderNo) {
        return db.fetchExists(BROKER_ORDER_NUMBER, BROKER_ORDER_NUMBER.TRADE_DATE.eq(tradeDate)
                .and(BROKER_ORDER_NUMBER.BROKER_ORDER_NO.eq(brokerOrderNo)));
    }

    /**
     * The workflow whose order has had {@code brokerOrderNo} on {@code tradeDate} (KIS numbers orders per day), e.g.
     * to route a fill notice.
     */
    public Optional<String> workflowIdOf(LocalDate tradeDate, String brokerOrderNo) {
        Objects.requireNonNull(tradeDate, "tradeDate");
        requireText(brokerOrderNo, "brokerOrderNo");
        return db.select(BROKER_SUBMISSION.WORKFLOW_ID).from(BROKER_ORDER_NUMBER)
                .join(BROKER_SUBMISSION)
                .on(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY))
                .where(BROKER_ORDER_NUMBER.TRADE_DATE.eq(tradeDate)
                        .and(BROKER_ORDER_NUMBER.BROKER_ORDER_NO.eq(brokerOrderNo)))
                .fetchOptional(BROKER_SUBMISSION.WORKFLOW_ID);
    }

    /** The forwarding branch most recently recorded for any order of the account, for numbers without one. */
    public Optional<String> latestBranch(String accountId) {
        return db.select(BROKER_ORDER_NUMBER.BRANCH_NO).from(BROKER_ORDER_NUMBER)
                .join(BROKER_SUBMISSION)
                .on(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY))
                .where(BROKER_SUBMISSION.ACCOUNT_ID.eq(accountId).and(BROKER_ORDER_NUMBER.BRANCH_NO.isNotNull()))
                .orderBy(BROKER_ORDER_NUMBER.CREATED_AT.desc()).limit(1)
                .fetchOptional(BROKER_ORDER_NUMBER.BRANCH_NO);
    }

    /** The INTENT became an order: its number is recorded as seq 0 and the submission PLACED, in one transaction. */
    public void recordPlaced(String brokerOrderKey, String brokerOrderNo, String branchNo, Instant at) {
        db.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            BrokerSubmissionRecord row = tx.selectFrom(BROKER_SUBMISSION)
                    .where(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(brokerOrderKey)).forUpdate().fetchOne();
            if (row == null || !State.INTENT.name().equals(row.getState())) {
                throw new IllegalStateException("order " + brokerOrderKey + " is "
                        + (row == null ? "not in the broker ledger" : row.getState()) + ", not an INTENT; cannot "
                        + "record it placed as " + brokerOrderNo);
            }
            tx.update(BROKER_SUBMISSION)
                    .set(BROKER_SUBMISSION.STATE, State.PLACED.name())
                    .set(BROKER_SUBMISSION.BROKER_ORDER_NO, brokerOrderNo)
                    .set(BROKER_SUBMISSION.UPDATED_AT, utc(at))
                    .where(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(brokerOrderKey)).execute();
            insertNumber(tx, brokerOrderKey, row.getTradeDate(), brokerOrderNo, 0, branchNo, at);
        });
    }

    /** The broker refused the INTENT. */
    public void recordRejected(String brokerOrderKey, String reasonCode, String message, Instant at) {
        int updated = db.update(BROKER_SUBMISSION)
                .set(BROKER_SUBMISSION.STATE, State.REJECTED.name())
                .set(BROKER_SUBMISSION.REASON_CODE, reasonCode)
                .set(BROKER_SUBMISSION.MESSAGE, message)
                .set(BROKER_SUBMISSION.UPDATED_AT, utc(at))
                .where(BROKER_SUBMISSION.BROKER_ORDER_KEY.eq(brokerOrderKey)
                        .and(BROKER_SUBMISSION.STATE.eq(State.INTENT.name())))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("order " + brokerOrderKey + " is no INTENT in the broker ledger; cannot "
                    + "record its rejection " + reasonCode);
        }
    }

    /** A further number of a placed order (an accepted modification's). */
    public void recordNumber(String brokerOrderKey, LocalDate tradeDate, String brokerOrderNo, int seq,
                             String branchNo, Instant at) {
        if (seq < 1) {
            throw new IllegalArgumentException("a modification's number has seq 1 or more, got " + seq + " for "
                    + brokerOrderNo);
        }
        insertNumber(db, brokerOrderKey, tradeDate, brokerOrderNo, seq, branchNo, at);
    }

    private static void insertNumber(DSLContext tx, String brokerOrderKey, LocalDate tradeDate, String brokerOrderNo,
                                     int seq, String branchNo, Instant at) {
        tx.insertInto(BROKER_ORDER_NUMBER)
                .set(BROKER_ORDER_NUMBER.TRADE_DATE, tradeDate)
                .set(BROKER_ORDER_NUMBER.BROKER_ORDER_NO, requireText(brokerOrderNo, "brokerOrderNo"))
                .set(BROKER_ORDER_NUMBER.BROKER_ORDER_KEY, brokerOrderKey)
                .set(BROKER_ORDER_NUMBER.SEQ, seq)
                .set(BROKER_ORDER_NUMBER.BRANCH_NO, branchNo == null || branchNo.isBlank() ? null : branchNo)
                .set(BROKER_ORDER_NUMBER.CREATED_AT, utc(at))
                .execute();
    }

    private static Submission submissionOf(BrokerSubmissionRecord r) {
        Intent intent = new Intent(r.getBrokerOrderKey(), r.getWorkflowId(), r.getAccountId(), r.getTradeDate(),
                Symbol.of(r.getSymbol().trim()), Side.valueOf(r.getSide()), OrderType.valueOf(r.getOrderType()),
                r.getQuantity(), r.getLimitPrice());
        return new Submission(intent, State.valueOf(r.getState()), r.getBrokerOrderNo(), r.getReasonCode(),
                r.getMessage(), r.getCreatedAt().toInstant());
    }

    private static OrderNumber numberOf(BrokerOrderNumberRecord r) {
        return new OrderNumber(r.getTradeDate(), r.getBrokerOrderNo(), r.getSeq(), r.getBranchNo());
    }

    private static OffsetDateTime utc(Instant at) {
        return Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
