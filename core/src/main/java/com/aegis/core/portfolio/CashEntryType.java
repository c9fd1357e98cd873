package com.aegis.core.portfolio;

/** Kind of a cash ledger entry; names match {@code cash_ledger.entry_type}. The sign says which way cash moves. */
public enum CashEntryType {
    DEPOSIT(1),
    WITHDRAWAL(-1),
    BUY(-1),
    SELL(1),
    COMMISSION(-1),
    TAX(-1),
    DIVIDEND(1),
    INTEREST(1),
    /** A correction after reconciliation with the broker; either sign. */
    ADJUSTMENT(0);

    private final int sign;

    CashEntryType(int sign) {
        this.sign = sign;
    }

    /** +1 credits cash, −1 debits it, 0 either. */
    public int sign() {
        return sign;
    }
}
