package com.aegis.marketsim.kis.rest;

/**
 * Which KIS service is simulated: the live domain or the paper-trading (모의투자) domain, whose account TR IDs start
 * with {@code V} where the live ones start with {@code T}, {@code J} or {@code C}. Quotation TR IDs (FHK...) are the
 * same on both.
 */
public enum KisDomain {
    LIVE,
    PAPER;

    /** The TR ID this domain expects for a TR documented under its live ID. */
    public String trId(String liveTrId) {
        if (this == LIVE || liveTrId.isEmpty()) {
            return liveTrId;
        }
        char first = liveTrId.charAt(0);
        return first == 'T' || first == 'J' || first == 'C' ? "V" + liveTrId.substring(1) : liveTrId;
    }
}
