package com.aegis.core.krx;

import java.time.LocalTime;

/**
 * A triggered volatility interruption: continuous trading of the stock stops and a single-price auction runs.
 *
 * @param type                  static or dynamic
 * @param referencePrice        the price the move was measured from
 * @param triggerPrice          the tentative execution price that triggered it
 * @param thresholdBasisPoints  the threshold that was reached, in basis points of the reference price
 * @param auctionStart          KST time the single-price auction starts (the trigger time)
 * @param auctionEnd            KST time it ends at the earliest (KRX adds a random end of up to 30 s after this)
 */
public record ViTrigger(ViType type, long referencePrice, long triggerPrice, int thresholdBasisPoints,
                        LocalTime auctionStart, LocalTime auctionEnd) {

    /** Deviation of the trigger price from the reference, in basis points (signed). */
    public long deviationBasisPoints() {
        return (triggerPrice - referencePrice) * 10_000 / referencePrice;
    }
}
