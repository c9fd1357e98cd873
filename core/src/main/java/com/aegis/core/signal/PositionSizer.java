package com.aegis.core.signal;

import com.aegis.core.krx.TradingCosts;
import com.aegis.core.risk.RiskLimits;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Turns a signal into a share count under the risk limits. A buy moves the position towards a target weight of
 * equity but never past the per-trade share of equity, the per-order notional cap or the cash available (commission
 * included); a sell exits the whole position. Every bound rounds down to whole lots, so the result never exceeds any
 * limit. KRX trades in lots of one share.
 */
public final class PositionSizer {

    private final RiskLimits limits;
    private final TradingCosts costs;
    private final long lotSize;

    /**
     * @param limits  the per-trade and per-order limits
     * @param costs   commission used for the cash bound
     * @param lotSize shares per lot, ≥ 1 (1 on KRX)
     */
    public PositionSizer(RiskLimits limits, TradingCosts costs, long lotSize) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.costs = Objects.requireNonNull(costs, "costs");
        if (lotSize < 1) {
            throw new IllegalArgumentException("lot size must be at least 1 share, got " + lotSize);
        }
        this.lotSize = lotSize;
    }

    /** Default limits, standard costs, lots of one share. */
    public static PositionSizer standard() {
        return new PositionSizer(RiskLimits.defaults(), TradingCosts.standard(), 1);
    }

    /**
     * Shares to buy.
     *
     * @param equity          account equity, KRW
     * @param availableCash   cash not reserved by open orders, KRW
     * @param price           expected price per share (the limit price), KRW
     * @param heldQuantity    shares already held
     * @param targetWeightBps target position as a share of equity, 1..10000 basis points
     */
    public OrderSize buy(long equity, long availableCash, long price, long heldQuantity, int targetWeightBps) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive, got " + price);
        }
        if (targetWeightBps <= 0 || targetWeightBps > RiskLimits.BPS) {
            throw new IllegalArgumentException("target weight must be 1..10000 basis points, got " + targetWeightBps);
        }
        if (heldQuantity < 0) {
            throw new IllegalArgumentException("held quantity must not be negative, got " + heldQuantity);
        }
        long positiveEquity = Math.max(0, equity);
        long targetValue = share(positiveEquity, targetWeightBps);
        long heldValue = Math.multiplyExact(heldQuantity, price);
        OrderSize size = new OrderSize(lots(Math.max(0, targetValue - heldValue) / price), SizeLimit.TARGET_WEIGHT);
        size = tighter(size, lots(share(positiveEquity, limits.maxTradeWeightBps()) / price), SizeLimit.TRADE_LIMIT);
        size = tighter(size, lots(limits.maxOrderNotional() / price), SizeLimit.ORDER_NOTIONAL);
        size = tighter(size, affordable(Math.max(0, availableCash), price), SizeLimit.CASH);
        return size;
    }

    /** Shares to sell on a sell signal: the whole position, in whole lots. */
    public OrderSize sell(long heldQuantity) {
        if (heldQuantity < 0) {
            throw new IllegalArgumentException("held quantity must not be negative, got " + heldQuantity);
        }
        return new OrderSize(lots(heldQuantity), SizeLimit.SHARES_HELD);
    }

    /** Largest whole-lot quantity whose notional plus commission fits in the cash. */
    private long affordable(long cash, long price) {
        long q = lots(cash / price);
        if (q > 0 && !fits(q, price, cash)) {
            // Commission grows with the quantity, so leaving room for the larger quantity's commission is enough.
            long commission = costs.commission(Math.multiplyExact(q, price));
            q = lots(Math.max(0, cash - commission) / price);
        }
        while (q > 0 && !fits(q, price, cash)) {
            q -= lotSize;
        }
        return q;
    }

    private boolean fits(long quantity, long price, long cash) {
        long notional = Math.multiplyExact(quantity, price);
        return notional + costs.commission(notional) <= cash;
    }

    private long lots(long shares) {
        return shares - shares % lotSize;
    }

    private static OrderSize tighter(OrderSize current, long bound, SizeLimit limit) {
        return bound < current.quantity() ? new OrderSize(bound, limit) : current;
    }

    private static long share(long whole, long bps) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(RiskLimits.BPS))
                .longValueExact();
    }
}
