package com.aegis.core.portfolio;

import com.aegis.core.execution.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cash of one account as a signed ledger with a running balance (the {@code cash_ledger} table).
 *
 * <p>Idempotent: an entry is identified by (type, reference), so a retried booking of the same fill's cash,
 * commission or tax changes nothing. The ledger records facts and does not refuse an overdraft; the pre-trade risk
 * check is what keeps buys within cash.
 */
public final class CashLedger {

    private record Key(CashEntryType type, String reference) {
    }

    private final AccountId account;
    private final List<CashEntry> entries = new ArrayList<>();
    private final Map<Key, CashEntry> byKey = new HashMap<>();
    private long balance;

    public CashLedger(AccountId account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    public AccountId account() {
        return account;
    }

    /**
     * Books an entry. The amount's sign must match the type (a BUY is negative, a SELL positive; ADJUSTMENT either).
     *
     * @throws IllegalArgumentException          for a zero amount or a sign the type does not allow
     * @throws ConflictingLedgerEntryException   if (type, reference) was booked with another amount
     */
    public PostingOutcome post(CashEntryType type, long amount, String reference, LocalDate tradeDate,
            Instant occurredAt) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reference, "reference");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("a " + type + " entry of " + amount + " KRW in account " + account
                    + " needs a reference (trade id, order id or transfer number) so it cannot be booked twice");
        }
        if (amount == 0 || (type.sign() != 0 && Long.signum(amount) != type.sign())) {
            throw new IllegalArgumentException("a " + type + " entry must be " + (type.sign() > 0 ? "positive"
                    : type.sign() < 0 ? "negative" : "non-zero") + " KRW, got " + amount + " (reference "
                    + reference + ")");
        }
        Key key = new Key(type, reference);
        CashEntry known = byKey.get(key);
        if (known != null) {
            if (known.amount() != amount) {
                throw new ConflictingLedgerEntryException(account, known, amount);
            }
            return PostingOutcome.DUPLICATE_IGNORED;
        }
        balance = Math.addExact(balance, amount);
        CashEntry entry = new CashEntry(entries.size() + 1L, type, amount, balance, reference, tradeDate, occurredAt);
        entries.add(entry);
        byKey.put(key, entry);
        return PostingOutcome.POSTED;
    }

    public long balance() {
        return balance;
    }

    public List<CashEntry> entries() {
        return List.copyOf(entries);
    }

    /** Σ amounts of one type (negative for debits). */
    public long total(CashEntryType type) {
        return entries.stream().filter(e -> e.type() == type).mapToLong(CashEntry::amount).sum();
    }
}
