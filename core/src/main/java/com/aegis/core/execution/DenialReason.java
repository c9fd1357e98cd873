package com.aegis.core.execution;

/** Why the pre-trade risk check refused an order before it reached the broker (stored as {@code reject_reason}). */
public enum DenialReason {
    /** Trading is halted (operator kill switch or incident procedure): no order may go out. */
    TRADING_HALTED,
    /** The daily loss limit has been reached: only risk-reducing orders are allowed. */
    DAILY_LOSS_LIMIT,
    /** The order's notional exceeds the per-trade share of equity. */
    POSITION_SIZE_LIMIT,
    /** The order would push one sector's exposure above its limit. */
    SECTOR_CONCENTRATION,
    /** The order's notional exceeds the absolute per-order cap. */
    MAX_ORDER_NOTIONAL,
    /** The limit price is too far from the last trade (a fat-finger guard). */
    PRICE_COLLAR,
    /** An order for the same symbol and side is still open. */
    DUPLICATE_ORDER,
    /** Not enough cash for the buy and its commission. */
    INSUFFICIENT_CASH,
    /** Not enough shares held (and not already being sold) for the sell. */
    INSUFFICIENT_SHARES,
    /** The limit price is not on a valid KRX tick. */
    INVALID_TICK,
    /** The limit price is outside the day's upper/lower price limits. */
    OUTSIDE_PRICE_LIMITS,
    /** The market does not accept regular orders at this time (closed, holiday, after-hours). */
    MARKET_CLOSED,
    /** No price or instrument data for the symbol, so the order cannot be checked. */
    NO_MARKET_DATA,
    /** The order contradicts the instrument's reference data (e.g. wrong market). */
    INVALID_ORDER
}
