package com.aegis.core.risk;

import java.math.BigInteger;

/** Exact comparisons of amounts against basis-point shares, without overflow or floating point. */
final class Exact {

    private Exact() {
    }

    /** Sign of (amount × 10,000 − whole × bps): negative if amount is below bps/10,000 of whole, 0 if equal. */
    static int compareShare(long amount, long whole, long bps) {
        BigInteger left = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(RiskLimits.BPS));
        BigInteger right = BigInteger.valueOf(whole).multiply(BigInteger.valueOf(bps));
        return left.compareTo(right);
    }

    /** floor(whole × bps / 10,000), for an amount that is never negative. */
    static long share(long whole, long bps) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(RiskLimits.BPS))
                .longValueExact();
    }
}
