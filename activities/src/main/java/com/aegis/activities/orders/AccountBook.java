package com.aegis.activities.orders;

import static com.aegis.db.jooq.Tables.CASH_LEDGER;
import static com.aegis.db.jooq.Tables.POSITION;

import com.aegis.core.market.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's books in PostgreSQL: positions (shares, average cost, realised P&L) and the signed cash ledger with
 * its running balance. A fill is booked once: its cash, commission and tax entries carry the trade ID as reference,
 * and the ledger's unique (account, entry type, reference) index refuses a second booking, which then leaves the
 * position alone too. Bookings of one account are serialised by an advisory lock so the running balance holds.
 *
 * <p>Realised P&L of a sell is (price − average cost) × shares minus the sell's commission and tax; a buy's commission
 * stays in the cash ledger and out of the average cost, as brokers show it.
 */
public final class AccountBook {

    private static final Logger log = LoggerFactory.getLogger(AccountBook.class);

    private AccountBook() {
    }

    /** One fill to book. */
    public record FillBooking(String account, String symbol, Side side, long price, long quantity, long commission,
                              long tax, String tradeId, LocalDate tradeDate, Instant at) {
        public FillBooking {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(tradeId, "tradeId");
            Objects.requireNonNull(tradeDate, "tradeDate");
            Objects.requireNonNull(at, "at");
            if (price <= 0 || quantity <= 0 || commission < 0 || tax < 0) {
                throw new IllegalArgumentException("fill " + tradeId + ": " + quantity + " shares at " + price
                        + " KRW with commission " + commission + " and tax " + tax + " cannot be booked");
            }
        }
    }

    /**
     * Books the fill inside the caller's transaction; false if it was booked before.
     */
    public static boolean book(DSLContext t, FillBooking f) {
        lock(t, f.account());
        Long booked = t.selectCount().from(CASH_LEDGER)
                .where(CASH_LEDGER.ACCOUNT.eq(f.account()), CASH_LEDGER.REFERENCE.eq(f.tradeId()),
                        CASH_LEDGER.ENTRY_TYPE.in("BUY", "SELL"))
                .fetchOne(0, Long.class);
        if (booked != null && booked > 0) {
            return false;
        }
        long notional = Math.multiplyExact(f.price(), f.quantity());
        Balance last = lastBalance(t, f.account());
        OffsetDateTime at = utc(last.at == null || f.at().isAfter(last.at) ? f.at() : last.at);
        long balance = last.amount;
        balance = entry(t, f, f.side() == Side.BUY ? "BUY" : "SELL", f.side() == Side.BUY ? -notional : notional,
                balance, at);
        if (f.commission() > 0) {
            balance = entry(t, f, "COMMISSION", -f.commission(), balance, at);
        }
        if (f.tax() > 0) {
            entry(t, f, "TAX", -f.tax(), balance, at);
        }
        position(t, f, notional, at);
        return true;
    }

    /** A cash deposit (e.g. the account's opening balance), booked once under its reference. */
    public static boolean deposit(DSLContext db, String account, long amount, String reference, LocalDate date,
                                  Instant at) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a deposit must be positive, got " + amount + " KRW");
        }
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            lock(t, account);
            if (t.fetchExists(CASH_LEDGER, CASH_LEDGER.ACCOUNT.eq(account), CASH_LEDGER.ENTRY_TYPE.eq("DEPOSIT"),
                    CASH_LEDGER.REFERENCE.eq(reference))) {
                return false;
            }
            Balance last = lastBalance(t, account);
            t.insertInto(CASH_LEDGER)
                    .set(CASH_LEDGER.ACCOUNT, account)
                    .set(CASH_LEDGER.ENTRY_TYPE, "DEPOSIT")
                    .set(CASH_LEDGER.AMOUNT, amount)
                    .set(CASH_LEDGER.BALANCE_AFTER, Math.addExact(last.amount, amount))
                    .set(CASH_LEDGER.REFERENCE, reference)
                    .set(CASH_LEDGER.TRADE_DATE, date)
                    .set(CASH_LEDGER.OCCURRED_AT, utc(last.at == null || at.isAfter(last.at) ? at : last.at))
                    .execute();
            return true;
        });
    }

    /** The running cash balance, 0 without entries. */
    public static long cash(DSLContext db, String account) {
        return lastBalance(db, account).amount;
    }

    /** Shares held per symbol (positions above zero). */
    public static Map<String, Long> shares(DSLContext db, String account) {
        Map<String, Long> shares = new LinkedHashMap<>();
        db.select(POSITION.SYMBOL, POSITION.QUANTITY).from(POSITION)
                .where(POSITION.ACCOUNT.eq(account), POSITION.QUANTITY.gt(0L)).orderBy(POSITION.SYMBOL)
                .forEach(r -> shares.put(r.value1().trim(), r.value2()));
        return shares;
    }

    /** Realised P&L summed over the account's positions. */
    public static long realisedPnl(DSLContext db, String account) {
        Long sum = db.select(DSL.sum(POSITION.REALISED_PNL)).from(POSITION).where(POSITION.ACCOUNT.eq(account))
                .fetchOne(0, Long.class);
        return sum == null ? 0L : sum;
    }

    private record Balance(long amount, Instant at) {
    }

    private static Balance lastBalance(DSLContext t, String account) {
        var row = t.select(CASH_LEDGER.BALANCE_AFTER, CASH_LEDGER.OCCURRED_AT).from(CASH_LEDGER)
                .where(CASH_LEDGER.ACCOUNT.eq(account))
                .orderBy(CASH_LEDGER.OCCURRED_AT.desc(), CASH_LEDGER.ID.desc()).limit(1).fetchOne();
        return row == null ? new Balance(0L, null) : new Balance(row.value1(), row.value2().toInstant());
    }

    private static void lock(DSLContext t, String account) {
        t.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val("aegis-book:" + account)))
                .fetch();
    }

    private static long entry(DSLContext t, FillBooking f, String type, long amount, long balance,
                              OffsetDateTime at) {
        long after = Math.addExact(balance, amount);
        t.insertInto(CASH_LEDGER)
                .set(CASH_LEDGER.ACCOUNT, f.account())
                .set(CASH_LEDGER.ENTRY_TYPE, type)
                .set(CASH_LEDGER.AMOUNT, amount)
                .set(CASH_LEDGER.BALANCE_AFTER, after)
                .set(CASH_LEDGER.REFERENCE, f.tradeId())
                .set(CASH_LEDGER.TRADE_DATE, f.tradeDate())
                .set(CASH_LEDGER.OCCURRED_AT, at)
                .execute();
        return after;
    }

    private static void position(DSLContext t, FillBooking f, long notional, OffsetDateTime at) {
        var row = t.select(POSITION.QUANTITY, POSITION.AVG_PRICE, POSITION.REALISED_PNL).from(POSITION)
                .where(POSITION.ACCOUNT.eq(f.account()), POSITION.SYMBOL.eq(f.symbol())).forUpdate().fetchOne();
        long quantity = row == null ? 0L : row.value1();
        BigDecimal average = row == null ? BigDecimal.ZERO : row.value2();
        long realised = row == null ? 0L : row.value3();
        if (f.side() == Side.BUY) {
            long after = quantity + f.quantity();
            average = average.multiply(BigDecimal.valueOf(quantity)).add(BigDecimal.valueOf(notional))
                    .divide(BigDecimal.valueOf(after), 4, RoundingMode.HALF_EVEN);
            quantity = after;
        } else {
            long sold = f.quantity();
            if (sold > quantity) {
                log.warn("fill {}: sells {} shares of {} but the book holds {}; the position goes to zero",
                        f.tradeId(), sold, f.symbol(), quantity);
                sold = quantity;
            }
            long gain = BigDecimal.valueOf(f.price()).subtract(average).multiply(BigDecimal.valueOf(sold))
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            realised = Math.addExact(realised, gain - f.commission() - f.tax());
            quantity -= sold;
            if (quantity == 0) {
                average = BigDecimal.ZERO;
            }
        }
        t.insertInto(POSITION)
                .set(POSITION.ACCOUNT, f.account())
                .set(POSITION.SYMBOL, f.symbol())
                .set(POSITION.QUANTITY, quantity)
                .set(POSITION.AVG_PRICE, average)
                .set(POSITION.REALISED_PNL, realised)
                .set(POSITION.UPDATED_AT, at)
                .onConflict(POSITION.ACCOUNT, POSITION.SYMBOL).doUpdate()
                .set(POSITION.QUANTITY, quantity)
                .set(POSITION.AVG_PRICE, average)
                .set(POSITION.REALISED_PNL, realised)
                .set(POSITION.UPDATED_AT, at)
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
