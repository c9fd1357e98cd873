package com.aegis.core.krx;

import com.aegis.core.market.Market;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Volatility interruption (VI) for one stock (requirement K3), a pure function of the prices involved.
 *
 * <ul>
 *   <li>Static VI: the tentative price is ≥ 10% away from the static reference price (the price of the last
 *       single-price auction, e.g. the opening price, or the base price before the open). Checked in the opening
 *       auction, continuous trading and the closing auction.</li>
 *   <li>Dynamic VI: the tentative price of one order is ≥ 3% (KOSPI 200 constituents) or 6% (other KOSPI and KOSDAQ
 *       stocks) away from the last trade price during continuous trading, 2% / 4% in the closing auction.</li>
 * </ul>
 * Either triggers a 2-minute single-price auction ({@link TradingSessions#VI_AUCTION_DURATION}); KRX ends it at a
 * random moment up to 30 s later, which the caller adds if it simulates that. Static VI takes precedence when both
 * thresholds are reached. VI is not applied on KONEX or in the after-hours sessions.
 */
public final class VolatilityInterruption {

    public static final int STATIC_THRESHOLD_BP = 1_000;
    public static final int DYNAMIC_KOSPI200_CONTINUOUS_BP = 300;
    public static final int DYNAMIC_OTHER_CONTINUOUS_BP = 600;
    public static final int DYNAMIC_KOSPI200_CLOSING_AUCTION_BP = 200;
    public static final int DYNAMIC_OTHER_CLOSING_AUCTION_BP = 400;

    private VolatilityInterruption() {
    }

    /**
     * Checks whether executing at {@code tentativePrice} would trigger a VI.
     *
     * @param market                 the stock's market
     * @param kospi200Constituent    true for KOSPI 200 constituents (tighter dynamic threshold)
     * @param phase                  the session phase the execution would happen in
     * @param staticReferencePrice   last single-price auction price (or the base price before the open)
     * @param lastTradePrice         price of the last trade (dynamic reference); ignored in the opening auction
     * @param tentativePrice         the price the pending execution would happen at
     * @param kst                    KST time of the check; the auction starts then
     * @return the trigger, or empty if trading continues normally
     */
    public static Optional<ViTrigger> check(Market market, boolean kospi200Constituent, SessionPhase phase,
                                            long staticReferencePrice, long lastTradePrice, long tentativePrice,
                                            LocalTime kst) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(kst, "kst");
        requirePositive("static reference price", staticReferencePrice);
        requirePositive("last trade price", lastTradePrice);
        requirePositive("tentative price", tentativePrice);
        if (market == Market.KONEX) {
            return Optional.empty();
        }
        boolean regularSession = phase == SessionPhase.PRE_OPEN_AUCTION || phase == SessionPhase.CONTINUOUS
                || phase == SessionPhase.CLOSING_AUCTION;
        if (!regularSession) {
            return Optional.empty();
        }
        if (reaches(staticReferencePrice, tentativePrice, STATIC_THRESHOLD_BP)) {
            return Optional.of(trigger(ViType.STATIC, staticReferencePrice, tentativePrice, STATIC_THRESHOLD_BP, kst));
        }
        if (phase == SessionPhase.PRE_OPEN_AUCTION) {
            return Optional.empty();
        }
        int dynamicBp = dynamicThresholdBasisPoints(kospi200Constituent, phase);
        if (reaches(lastTradePrice, tentativePrice, dynamicBp)) {
            return Optional.of(trigger(ViType.DYNAMIC, lastTradePrice, tentativePrice, dynamicBp, kst));
        }
        return Optional.empty();
    }

    /** Dynamic VI threshold in basis points for continuous trading or the closing auction. */
    public static int dynamicThresholdBasisPoints(boolean kospi200Constituent, SessionPhase phase) {
        if (phase == SessionPhase.CLOSING_AUCTION) {
            return kospi200Constituent ? DYNAMIC_KOSPI200_CLOSING_AUCTION_BP : DYNAMIC_OTHER_CLOSING_AUCTION_BP;
        }
        if (phase == SessionPhase.CONTINUOUS) {
            return kospi200Constituent ? DYNAMIC_KOSPI200_CONTINUOUS_BP : DYNAMIC_OTHER_CONTINUOUS_BP;
        }
        throw new IllegalArgumentException("dynamic VI applies only in CONTINUOUS or CLOSING_AUCTION, not " + phase);
    }

    private static boolean reaches(long reference, long price, int thresholdBp) {
        long move = Math.abs(price - reference);
        return Math.multiplyExact(move, 10_000L) >= Math.multiplyExact(reference, (long) thresholdBp);
    }

    private static ViTrigger trigger(ViType type, long reference, long price, int thresholdBp, LocalTime kst) {
        return new ViTrigger(type, reference, price, thresholdBp, kst, kst.plus(TradingSessions.VI_AUCTION_DURATION));
    }

    private static void requirePositive(String what, long price) {
        if (price <= 0) {
            throw new IllegalArgumentException(what + " must be at least 1 KRW, got " + price);
        }
    }
}
