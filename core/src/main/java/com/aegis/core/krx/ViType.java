package com.aegis.core.krx;

/** Kind of volatility interruption (변동성완화장치). */
public enum ViType {
    /** Price moved ±10% or more from the static reference price (the last single-price auction price). */
    STATIC,
    /** Price would move 3%/6% (2%/4% in the closing auction) or more from the last trade in one order. */
    DYNAMIC
}
