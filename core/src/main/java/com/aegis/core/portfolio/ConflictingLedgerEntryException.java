package com.aegis.core.portfolio;

import com.aegis.core.execution.AccountId;

/** The same (type, reference) was booked before with another amount: two sources disagree about one movement. */
public final class ConflictingLedgerEntryException extends IllegalStateException {

    public ConflictingLedgerEntryException(AccountId account, CashEntry known, long incomingAmount) {
        super("account " + account + ": " + known.type() + " " + known.reference() + " is booked as "
                + known.amount() + " KRW and now arrives as " + incomingAmount + " KRW; not booked: reconcile the"
                + " ledger with the broker's statement");
    }
}
