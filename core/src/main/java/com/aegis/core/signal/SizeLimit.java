package com.aegis.core.signal;

/** Which bound decided the size of an order. */
public enum SizeLimit {
    /** The gap between the target weight and what is held. */
    TARGET_WEIGHT,
    /** The per-trade share of equity. */
    TRADE_LIMIT,
    /** The absolute per-order notional cap. */
    ORDER_NOTIONAL,
    /** Cash available, commission included. */
    CASH,
    /** The shares held (a sell exits the whole position). */
    SHARES_HELD
}
