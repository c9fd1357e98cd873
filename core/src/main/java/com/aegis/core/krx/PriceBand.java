package com.aegis.core.krx;

/**
 * The daily price band of a security: orders outside [lower, upper] are rejected by KRX.
 *
 * @param basePrice the day's base price (기준가격), usually the previous close
 * @param lower     lower limit price (하한가), a valid tick
 * @param upper     upper limit price (상한가), a valid tick
 */
public record PriceBand(long basePrice, long lower, long upper) {

    public PriceBand {
        if (basePrice <= 0 || lower <= 0 || lower > upper) {
            throw new IllegalArgumentException("invalid price band: base " + basePrice + ", lower " + lower
                    + ", upper " + upper + " (need 0 < lower <= upper and base > 0)");
        }
    }

    /** True if an order at this price is within the daily limits (both limits inclusive). */
    public boolean contains(long price) {
        return price >= lower && price <= upper;
    }
}
