package com.aegis.activities.broker;

import com.aegis.activities.kis.rest.KisCashOrder;
import com.aegis.activities.kis.rest.KisDailyOrder;
import com.aegis.activities.kis.rest.KisErrorKind;
import com.aegis.activities.kis.rest.KisException;
import com.aegis.activities.kis.rest.KisOrderAck;
import com.aegis.activities.kis.rest.KisOrderNumber;
import com.aegis.activities.kis.rest.KisOrderType;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Symbol;
import com.aegis.workflows.orders.BrokerActivities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerActivities} over the KIS REST API, idempotent per broker order key through the {@link BrokerLedger}.
 *
 * <p>KIS takes no client order key, so a submit writes an INTENT under the key before the order goes out and the
 * order number after. A repeated submit returns what the ledger holds (the number, or the rejection) without calling
 * KIS; one that finds an INTENT (an earlier attempt's answer was lost) first looks for the order in KIS's daily order
 * inquiry (주문체결조회): an original order of the same symbol, side, quantity and price, placed no earlier than
 * {@link #RECONCILE_TOLERANCE} before the intent and not yet in the ledger. Only if there is none is it placed. All
 * work on one key runs under the ledger's per-key lock, so two workers never place the same key twice.
 *
 * <p>Business refusals (KIS {@code rt_cd != 0}) become rejected results; transport, server and protocol failures are
 * thrown for the caller to retry, the INTENT kept for reconciliation. The trade date is the KST date of the clock.
 * Exceptions and logs name keys, order numbers and KIS codes, never the account or the app key.
 */
public final class KisBrokerActivities implements BrokerActivities {

    /** How much earlier than the intent's time a lost order may show in KIS (order times are whole seconds). */
    public static final Duration RECONCILE_TOLERANCE = Duration.ofSeconds(5);
    /** Reason code of a cancel or modify of a key that has no placed order. */
    public static final String NOT_PLACED = "NOT_PLACED";
    /** Reason code of a modify of an order with nothing left open. */
    public static final String NOTHING_OPEN = "NOTHING_OPEN";
    /** Reason code of a modify of a market order, which has no limit price. */
    public static final String NOT_LIMIT = "NOT_LIMIT";
    /** Reason code of an intent of an earlier trade date that never reached KIS: it is not placed later. */
    public static final String EXPIRED = "EXPIRED";

    private static final Logger log = LoggerFactory.getLogger(KisBrokerActivities.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final KisRestClient kis;
    private final BrokerLedger ledger;
    private final Clock clock;

    public KisBrokerActivities(KisRestClient kis, DSLContext db, Clock clock) {
        this.kis = Objects.requireNonNull(kis, "kis");
        this.ledger = new BrokerLedger(Objects.requireNonNull(db, "db"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The ledger this adapter writes, e.g. to route fill notices by order number. */
    public BrokerLedger ledger() {
        return ledger;
    }

    // ---- submit ----

    @Override
    public SubmitResult submit(SubmitRequest request) {
        BrokerLedger.Intent intent = intentOf(request);
        return ledger.exclusively(intent.brokerOrderKey(), tx -> {
            boolean fresh = tx.recordIntent(intent, clock.instant());
            BrokerLedger.Submission submission = tx.submission(intent.brokerOrderKey()).orElseThrow(
                    () -> new IllegalStateException("order " + intent.brokerOrderKey() + " vanished from the ledger"));
            requireSameOrder(submission.intent(), intent);
            switch (submission.state()) {
                case PLACED:
                    return SubmitResult.accepted(submission.brokerOrderNo());
                case REJECTED:
                    return SubmitResult.rejected(submission.reasonCode(), submission.message());
                case INTENT:
                default:
                    if (!fresh) {
                        Optional<String> found = reconcile(tx, submission, dailyOrders(submission.tradeDate()));
                        if (found.isPresent()) {
                            return SubmitResult.accepted(found.get());
                        }
                    }
                    LocalDate today = today();
                    if (!submission.tradeDate().equals(today)) {
                        // A day order that never reached KIS on its day is not sent on another.
                        String message = "order " + intent.brokerOrderKey() + " was meant for "
                                + submission.tradeDate() + " and never reached KIS; it is " + today + " in Seoul";
                        tx.recordRejected(intent.brokerOrderKey(), EXPIRED, message, clock.instant());
                        return SubmitResult.rejected(EXPIRED, message);
                    }
                    return place(tx, submission);
            }
        });
    }

    private SubmitResult place(BrokerLedger tx, BrokerLedger.Submission submission) {
        BrokerLedger.Intent intent = submission.intent();
        KisCashOrder order = intent.type() == OrderType.MARKET
                ? KisCashOrder.market(intent.symbol(), intent.side(), intent.quantity())
                : KisCashOrder.limit(intent.symbol(), intent.side(), intent.limitPrice(), intent.quantity());
        KisOrderAck ack;
        try {
            ack = kis.placeOrder(order);
        } catch (KisException e) {
            if (e.kind() != KisErrorKind.BUSINESS_REJECTION) {
                log.warn("order {}: placing {} {} x {} at {} failed ({} {}); the intent stays for reconciliation",
                        intent.brokerOrderKey(), intent.side(), intent.quantity(), intent.symbol(),
                        intent.limitPrice(), e.kind(), e.code());
                throw e;
            }
            String message = brokerMessage(e);
            tx.recordRejected(intent.brokerOrderKey(), e.code(), message, clock.instant());
            log.info("order {} rejected by KIS: {} {}", intent.brokerOrderKey(), e.code(), message);
            return SubmitResult.rejected(e.code(), message);
        }
        String number = ack.orderNumber().value();
        tx.recordPlaced(intent.brokerOrderKey(), number, ack.branchNumber(), clock.instant());
        log.info("order {} placed at KIS as {}: {} {} x {} at {}", intent.brokerOrderKey(), number, intent.side(),
                intent.quantity(), intent.symbol(), intent.limitPrice());
        return SubmitResult.accepted(number);
    }

    /**
     * The KIS order of an INTENT whose answer was lost, recorded as placed; empty if KIS lists none (then the order
     * never arrived).
     */
    private Optional<String> reconcile(BrokerLedger tx, BrokerLedger.Submission submission,
                                       List<KisDailyOrder> day) {
        BrokerLedger.Intent intent = submission.intent();
        Instant earliest = submission.createdAt().minus(RECONCILE_TOLERANCE);
        long price = intent.type() == OrderType.MARKET ? 0L : intent.limitPrice();
        for (KisDailyOrder row : day) {
            if (isOriginal(row) && row.symbol().equals(intent.symbol()) && row.side() == intent.side()
                    && row.orderQuantity() == intent.quantity() && row.orderPrice() == price
                    && row.orderDate().equals(intent.tradeDate())
                    && !row.orderDate().atTime(row.orderTime()).atZone(KST).toInstant().isBefore(earliest)
                    && !tx.isRecorded(intent.tradeDate(), row.orderNumber().value())) {
                String number = row.orderNumber().value();
                tx.recordPlaced(intent.brokerOrderKey(), number, null, clock.instant());
                log.info("order {}: the earlier attempt's answer was lost; KIS lists it as {}",
                        intent.brokerOrderKey(), number);
                return Optional.of(number);
            }
        }
        return Optional.empty();
    }

    /** The submission as PLACED, reconciling an INTENT first; empty if the key has no order at KIS. */
    private Optional<BrokerLedger.Submission> placed(BrokerLedger tx, String key, List<KisDailyOrder> day) {
        Optional<BrokerLedger.Submission> found = tx.submission(key);
        if (found.isEmpty() || found.get().state() == BrokerLedger.State.REJECTED) {
            return Optional.empty();
        }
        if (found.get().state() == BrokerLedger.State.INTENT && reconcile(tx, found.get(), day).isEmpty()) {
            return Optional.empty();
        }
        return tx.submission(key);
    }

    // ---- cancel ----

    @Override
    public CancelResult cancel(CancelRequest request) {
        String key = requireKey(request.brokerOrderKey());
        return ledger.exclusively(key, tx -> {
            Optional<BrokerLedger.Submission> submission = tx.submission(key);
            if (submission.isPresent() && submission.get().state() == BrokerLedger.State.INTENT) {
                submission = placed(tx, key, dailyOrders(submission.get().tradeDate()));
            }
            if (submission.isEmpty() || submission.get().state() != BrokerLedger.State.PLACED) {
                return new CancelResult(false, NOT_PLACED, "no order placed at KIS under " + key);
            }
            BrokerLedger.Submission placed = submission.get();
            BrokerLedger.OrderNumber latest = latest(tx, key);
            try {
                return cancelNumber(tx, placed, latest);
            } catch (KisException e) {
                if (e.kind() != KisErrorKind.BUSINESS_REJECTION) {
                    throw e;
                }
                KisException refusal = e;
                // The ledger may miss a modification whose answer was lost: cancel under KIS's latest number.
                BrokerLedger.OrderNumber current = latest(syncChain(tx, placed, dailyOrders(placed.tradeDate())));
                if (!current.brokerOrderNo().equals(latest.brokerOrderNo())) {
                    try {
                        return cancelNumber(tx, placed, current);
                    } catch (KisException again) {
                        if (again.kind() != KisErrorKind.BUSINESS_REJECTION) {
                            throw again;
                        }
                        refusal = again;
                    }
                }
                log.info("cancel of order {} refused by KIS: {} {}", key, refusal.code(), brokerMessage(refusal));
                return new CancelResult(false, refusal.code(), brokerMessage(refusal));
            }
        });
    }

    private CancelResult cancelNumber(BrokerLedger tx, BrokerLedger.Submission placed,
                                      BrokerLedger.OrderNumber number) {
        KisOrderAck ack = kis.cancelOrder(new KisOrderNumber(number.brokerOrderNo()), branchOf(tx, placed, number));
        log.info("cancel of order {} ({}) accepted by KIS as {}", placed.brokerOrderKey(), number.brokerOrderNo(),
                ack.orderNumber());
        return new CancelResult(true, null, "cancel of " + number.brokerOrderNo() + " accepted as "
                + ack.orderNumber());
    }

    // ---- modify ----

    @Override
    public ModifyResult modify(ModifyRequest request) {
        String key = requireKey(request.brokerOrderKey());
        if (request.limitPrice() <= 0) {
            throw new IllegalArgumentException("modify of " + key + " needs a positive limit price, got "
                    + request.limitPrice());
        }
        return ledger.exclusively(key, tx -> {
            Optional<BrokerLedger.Submission> recorded = tx.submission(key);
            if (recorded.isEmpty() || recorded.get().state() == BrokerLedger.State.REJECTED) {
                return new ModifyResult(false, null, NOT_PLACED, "no order placed at KIS under " + key);
            }
            LocalDate tradeDate = recorded.get().tradeDate();
            List<KisDailyOrder> day = dailyOrders(tradeDate);
            Optional<BrokerLedger.Submission> submission = placed(tx, key, day);
            if (submission.isEmpty()) {
                return new ModifyResult(false, null, NOT_PLACED, "no order placed at KIS under " + key);
            }
            BrokerLedger.Submission placed = submission.get();
            if (placed.intent().type() != OrderType.LIMIT) {
                return new ModifyResult(false, null, NOT_LIMIT, "order " + key + " is a market order; it has no "
                        + "limit price to change");
            }
            int recordedNumbers = tx.orderNumbers(key).size();
            List<BrokerLedger.OrderNumber> chain = syncChain(tx, placed, day);
            BrokerLedger.OrderNumber latest = latest(chain);
            KisDailyOrder latestRow = rowOf(day, latest, key);
            if (chain.size() > recordedNumbers && latestRow.orderPrice() == request.limitPrice()
                    && latestRow.remainingQuantity() > 0) {
                // An earlier attempt's modification reached KIS but its answer was lost.
                return new ModifyResult(true, latest.brokerOrderNo(), null, "already at " + request.limitPrice()
                        + " as " + latest.brokerOrderNo());
            }
            KisException refusal = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                long remainder = latestRow.remainingQuantity();
                if (remainder <= 0) {
                    return new ModifyResult(false, null, NOTHING_OPEN, "order number " + latest.brokerOrderNo()
                            + " of " + key + " has nothing open (" + latestRow.filledQuantity() + " of "
                            + latestRow.orderQuantity() + " filled)");
                }
                try {
                    KisOrderAck ack = kis.modifyWholeRemainder(new KisOrderNumber(latest.brokerOrderNo()),
                            branchOf(tx, placed, latest), KisOrderType.LIMIT, request.limitPrice());
                    String number = ack.orderNumber().value();
                    tx.recordNumber(key, tradeDate, number, latest.seq() + 1, ack.branchNumber(), clock.instant());
                    log.info("order {} ({}) modified to {} for {} shares; KIS numbers it {}", key,
                            latest.brokerOrderNo(), request.limitPrice(), remainder, number);
                    return new ModifyResult(true, number, null, "modified to " + request.limitPrice() + " for the "
                            + remainder + " shares open");
                } catch (KisException e) {
                    if (e.kind() != KisErrorKind.BUSINESS_REJECTION) {
                        throw e;
                    }
                    refusal = e;
                }
                if (attempt > 0) {
                    break;
                }
                // A fill between the inquiry and the modify changes the open quantity: ask once more.
                day = dailyOrders(tradeDate);
                List<BrokerLedger.OrderNumber> now = syncChain(tx, placed, day);
                KisDailyOrder nowRow = rowOf(day, latest(now), key);
                if (latest(now).brokerOrderNo().equals(latest.brokerOrderNo())
                        && nowRow.remainingQuantity() == remainder) {
                    break;
                }
                latest = latest(now);
                latestRow = nowRow;
            }
            log.info("modify of order {} refused by KIS: {} {}", key, refusal.code(), brokerMessage(refusal));
            return new ModifyResult(false, null, refusal.code(), brokerMessage(refusal));
        });
    }

    // ---- inquire ----

    @Override
    public BrokerOrder inquire(Inquiry inquiry) {
        String key = requireKey(inquiry.brokerOrderKey());
        if (ledger.submission(key).isEmpty()) {
            return BrokerOrder.notFound();
        }
        return ledger.exclusively(key, tx -> {
            BrokerLedger.Submission submission = tx.submission(key).orElseThrow(
                    () -> new IllegalStateException("order " + key + " vanished from the ledger"));
            if (submission.state() == BrokerLedger.State.REJECTED) {
                return new BrokerOrder(BrokerStatus.REJECTED, null, submission.intent().quantity(),
                        submission.intent().limitPrice(), 0, List.of(), submission.reasonCode(),
                        submission.message());
            }
            List<KisDailyOrder> day = dailyOrders(submission.tradeDate());
            Optional<BrokerLedger.Submission> placed = placed(tx, key, day);
            if (placed.isEmpty()) {
                return BrokerOrder.notFound();
            }
            List<BrokerLedger.OrderNumber> chain = syncChain(tx, placed.get(), day);
            Instant seen = clock.instant();
            List<Leg> legs = new ArrayList<>();
            long filled = 0;
            KisDailyOrder first = null;
            KisDailyOrder last = null;
            for (BrokerLedger.OrderNumber number : chain) {
                KisDailyOrder row = rowOf(day, number, key);
                legs.add(new Leg(number.brokerOrderNo(), row.filledQuantity(), row.filledAmount(), seen));
                filled += row.filledQuantity();
                first = first == null ? row : first;
                last = row;
            }
            if (first == null) {
                throw new IllegalStateException("order " + key + " is placed but has no order number in the ledger");
            }
            long quantity = first.orderQuantity();
            BrokerStatus status = last.remainingQuantity() > 0 ? BrokerStatus.OPEN
                    : filled >= quantity ? BrokerStatus.FILLED : BrokerStatus.CANCELED;
            return new BrokerOrder(status, last.orderNumber().value(), quantity, last.orderPrice(), filled, legs,
                    null, "as KIS lists it: " + filled + " of " + quantity + " filled, " + last.remainingQuantity()
                    + " open");
        });
    }

    // ---- helpers ----

    /**
     * The key's order numbers after recording the modifications KIS lists that the ledger misses (a modify whose
     * answer was lost): rows modifying one of the order's numbers.
     */
    private List<BrokerLedger.OrderNumber> syncChain(BrokerLedger tx, BrokerLedger.Submission placed,
                                                     List<KisDailyOrder> day) {
        String key = placed.brokerOrderKey();
        List<BrokerLedger.OrderNumber> chain = tx.orderNumbers(key);
        Set<String> known = new HashSet<>();
        chain.forEach(n -> known.add(n.brokerOrderNo()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (KisDailyOrder row : day) {
                String number = row.orderNumber().value();
                if (!row.cancelRow() && row.originalOrder().isPresent()
                        && known.contains(row.originalOrder().get().value()) && !known.contains(number)
                        && row.symbol().equals(placed.intent().symbol())
                        && !tx.isRecorded(placed.tradeDate(), number)) {
                    int seq = chain.isEmpty() ? 1 : latest(chain).seq() + 1;
                    tx.recordNumber(key, placed.tradeDate(), number, seq, null, clock.instant());
                    log.info("order {}: KIS lists modification {} the ledger missed", key, number);
                    known.add(number);
                    chain = tx.orderNumbers(key);
                    grew = true;
                }
            }
        }
        return chain;
    }

    private BrokerLedger.OrderNumber latest(BrokerLedger tx, String key) {
        return latest(tx.orderNumbers(key));
    }

    private static BrokerLedger.OrderNumber latest(List<BrokerLedger.OrderNumber> chain) {
        if (chain.isEmpty()) {
            throw new IllegalStateException("a placed order has no order number in the ledger");
        }
        return chain.get(chain.size() - 1);
    }

    private static KisDailyOrder rowOf(List<KisDailyOrder> day, BrokerLedger.OrderNumber number, String key) {
        return day.stream().filter(r -> !r.cancelRow() && r.orderNumber().value().equals(number.brokerOrderNo()))
                .findFirst().orElseThrow(() -> new IllegalStateException("KIS's order inquiry of "
                        + number.tradeDate() + " does not list order number " + number.brokerOrderNo() + " of "
                        + key));
    }

    /** The forwarding branch to modify or cancel under: the number's own, else the chain's, else the account's. */
    private String branchOf(BrokerLedger tx, BrokerLedger.Submission placed, BrokerLedger.OrderNumber number) {
        if (number.branchNo() != null) {
            return number.branchNo();
        }
        return tx.orderNumbers(placed.brokerOrderKey()).stream().map(BrokerLedger.OrderNumber::branchNo)
                .filter(Objects::nonNull).reduce((a, b) -> b)
                .or(() -> tx.latestBranch(placed.intent().accountId()))
                .orElse("");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KST);
    }

    private List<KisDailyOrder> dailyOrders(LocalDate tradeDate) {
        return kis.dailyOrders(tradeDate, tradeDate);
    }

    /** An order as placed: neither a modification nor a cancel (KIS may pad the original number with zeros). */
    private static boolean isOriginal(KisDailyOrder row) {
        return !row.cancelRow() && row.originalOrder()
                .map(n -> n.value().chars().allMatch(c -> c == '0')).orElse(true);
    }

    private BrokerLedger.Intent intentOf(SubmitRequest request) {
        String key = requireKey(request.brokerOrderKey());
        if (request.symbol() == null || request.side() == null || request.type() == null) {
            throw new IllegalArgumentException("order " + key + " needs a symbol, a side and an order type");
        }
        String workflowId = request.clientOrderId() == null || request.clientOrderId().isBlank() ? key
                : request.clientOrderId();
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw new IllegalArgumentException("order " + key + " names no account");
        }
        return new BrokerLedger.Intent(key, workflowId, request.accountId(), today(), Symbol.of(request.symbol()),
                request.side(), request.type(), request.quantity(), request.limitPrice());
    }

    private static void requireSameOrder(BrokerLedger.Intent recorded, BrokerLedger.Intent asked) {
        if (!recorded.symbol().equals(asked.symbol()) || recorded.side() != asked.side()
                || recorded.type() != asked.type() || recorded.quantity() != asked.quantity()
                || recorded.limitPrice() != asked.limitPrice()) {
            throw new IllegalArgumentException("broker order key " + asked.brokerOrderKey() + " already names "
                    + recorded.side() + " " + recorded.quantity() + " x " + recorded.symbol() + " at "
                    + recorded.limitPrice() + "; it cannot be reused for " + asked.side() + " " + asked.quantity()
                    + " x " + asked.symbol() + " at " + asked.limitPrice());
        }
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a broker order key is required");
        }
        return key;
    }

    /**
     * KIS's own message ({@code msg1}) from the client's exception text ("KIS ... answered CODE MESSAGE: ..."), or
     * the whole text when it has another form. The text names the API path, never the account.
     */
    static String brokerMessage(KisException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        String marker = " answered " + e.code() + " ";
        int start = text.indexOf(marker);
        if (start < 0) {
            return text;
        }
        int end = text.indexOf(": refused by the broker", start);
        String message = text.substring(start + marker.length(), end < 0 ? text.length() : end).trim();
        return message.isEmpty() ? text : message;
    }
}
