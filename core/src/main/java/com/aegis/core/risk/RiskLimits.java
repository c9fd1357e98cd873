package com.aegis.core.risk;

/**
 * The pre-trade limits (requirement E2), in basis points of equity where they are shares of it.
 *
 * @param maxTradeWeightBps  largest buy, as a share of equity (1,000 = 10%, E2 "position size at most 10% per trade")
 * @param dailyLossLimitBps  daily loss, as a share of start-of-day equity, at which only risk-reducing orders are
 *                           allowed (200 = −2%, E2); reaching it exactly counts
 * @param maxSectorWeightBps largest exposure to one sector after a buy (3,000 = 30%; E2 names the limit, not the
 *                           figure, so the default is a conventional single-sector cap)
 * @param maxOrderNotional   largest notional of any one order in KRW, a fat-finger cap (default 100 million)
 * @param priceCollarBps     largest distance of a limit price from the last trade (500 = 5%)
 */
public record RiskLimits(int maxTradeWeightBps, int dailyLossLimitBps, int maxSectorWeightBps, long maxOrderNotional,
        int priceCollarBps) {

    public static final int BPS = 10_000;

    public RiskLimits {
        requireShare("maxTradeWeightBps", maxTradeWeightBps);
        requireShare("dailyLossLimitBps", dailyLossLimitBps);
        requireShare("maxSectorWeightBps", maxSectorWeightBps);
        requireShare("priceCollarBps", priceCollarBps);
        if (maxOrderNotional <= 0) {
            throw new IllegalArgumentException("maxOrderNotional must be positive KRW, got " + maxOrderNotional);
        }
        if (maxSectorWeightBps < maxTradeWeightBps) {
            throw new IllegalArgumentException("maxSectorWeightBps (" + maxSectorWeightBps + ") must be at least"
                    + " maxTradeWeightBps (" + maxTradeWeightBps + "): otherwise a single allowed trade breaks the"
                    + " sector limit");
        }
    }

    /** 10% per trade, −2% daily loss, 30% per sector, 100 million KRW per order, 5% price collar. */
    public static RiskLimits defaults() {
        return new RiskLimits(1_000, 200, 3_000, 100_000_000L, 500);
    }

    public RiskLimits withMaxTradeWeightBps(int bps) {
        return new RiskLimits(bps, dailyLossLimitBps, maxSectorWeightBps, maxOrderNotional, priceCollarBps);
    }

    public RiskLimits withDailyLossLimitBps(int bps) {
        return new RiskLimits(maxTradeWeightBps, bps, maxSectorWeightBps, maxOrderNotional, priceCollarBps);
    }

    public RiskLimits withMaxSectorWeightBps(int bps) {
        return new RiskLimits(maxTradeWeightBps, dailyLossLimitBps, bps, maxOrderNotional, priceCollarBps);
    }

    public RiskLimits withMaxOrderNotional(long krw) {
        return new RiskLimits(maxTradeWeightBps, dailyLossLimitBps, maxSectorWeightBps, krw, priceCollarBps);
    }

    public RiskLimits withPriceCollarBps(int bps) {
        return new RiskLimits(maxTradeWeightBps, dailyLossLimitBps, maxSectorWeightBps, maxOrderNotional, bps);
    }

    private static void requireShare(String name, int bps) {
        if (bps <= 0 || bps > BPS) {
            throw new IllegalArgumentException(name + " must be 1..10000 basis points (0.01%..100%), got " + bps);
        }
    }
}
