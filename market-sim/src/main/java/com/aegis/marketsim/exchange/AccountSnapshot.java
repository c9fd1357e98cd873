package com.aegis.marketsim.exchange;

import com.aegis.core.market.Symbol;
import java.util.Map;

/**
 * An account at a point in time. {@code reservedCash} backs open buy orders (price × quantity plus commission; a
 * market buy is reserved at the upper limit price, as brokers do); {@code reservedShares} back open sell orders.
 */
public record AccountSnapshot(AccountId account, long cash, long reservedCash, Map<Symbol, Long> holdings,
                              Map<Symbol, Long> reservedShares, long commissionPaid, long taxPaid) {

    public AccountSnapshot {
        holdings = Map.copyOf(holdings);
        reservedShares = Map.copyOf(reservedShares);
    }

    /** Cash free for new buy orders. */
    public long availableCash() {
        return cash - reservedCash;
    }

    public long holding(Symbol symbol) {
        return holdings.getOrDefault(symbol, 0L);
    }

    /** Shares free for new sell orders. */
    public long availableShares(Symbol symbol) {
        return holding(symbol) - reservedShares.getOrDefault(symbol, 0L);
    }
}
