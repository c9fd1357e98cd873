package com.aegis.workflows.orders;

import com.aegis.core.execution.OrderType;
import com.aegis.core.krx.SessionPhase;
import com.aegis.core.krx.TickSize;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The 10-minute decision for an order that is still open (E5). In this order:
 * <ol>
 *   <li>CANCEL when the next review would fall outside continuous trading (the session is closing);</li>
 *   <li>CANCEL when the decision is older than the policy's signal life (the signal is stale);</li>
 *   <li>CANCEL a MARKET order still open (the book has no liquidity for it);</li>
 *   <li>HOLD without a last price;</li>
 *   <li>CANCEL when the last price is beyond the collar around the decision price (the price ran away);</li>
 *   <li>HOLD when the limit already equals the last price (rounded to the nearest tick);</li>
 *   <li>CANCEL after the policy's maximum number of re-prices;</li>
 *   <li>otherwise REPRICE the limit to the last price.</li>
 * </ol>
 * Pure: the workflow passes the time, the session phase and the price.
 */
public final class OpenOrderReview {

    /** What to do with the open remainder. */
    public enum Action { HOLD, REPRICE, CANCEL }

    /**
     * A review's outcome.
     *
     * @param newLimitPrice the new limit for REPRICE, else 0
     * @param reason        why, for the audit trail
     */
    public record Decision(Action action, long newLimitPrice, String reason) {
        public Decision {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private OpenOrderReview() {
    }

    /**
     * @param phaseAtNextReview session phase one review interval from now
     * @param lastPrice         last trade price in KRW, or 0 when unknown
     * @param repricesSoFar     limit changes already made
     */
    public static Decision decide(ExecutionPolicy policy, OrderType type, long decisionPrice, long currentLimit,
            Instant decidedAt, Instant now, SessionPhase phaseAtNextReview, long lastPrice, int repricesSoFar) {
        if (phaseAtNextReview != SessionPhase.CONTINUOUS) {
            return cancel("session closing: the next review falls in " + phaseAtNextReview);
        }
        Duration age = Duration.between(decidedAt, now);
        if (age.compareTo(policy.signalTtl()) >= 0) {
            return cancel("signal stale: decided " + age.toMinutes() + " min ago, signal life "
                    + policy.signalTtl().toMinutes() + " min");
        }
        if (type == OrderType.MARKET) {
            return cancel("market order still open after a review interval: no liquidity");
        }
        if (lastPrice <= 0) {
            return new Decision(Action.HOLD, 0, "no last price to re-price to");
        }
        long distance = Math.abs(lastPrice - decisionPrice);
        if (distance * 10_000 > (long) policy.collarBps() * decisionPrice) {
            return cancel("last price " + lastPrice + " is beyond the " + policy.collarBps()
                    + " bps collar around the decision price " + decisionPrice);
        }
        long target = TickSize.roundNearest(lastPrice);
        if (target == currentLimit) {
            return new Decision(Action.HOLD, 0, "limit " + currentLimit + " is at the last price");
        }
        if (repricesSoFar >= policy.maxReprices()) {
            return cancel("re-priced " + repricesSoFar + " times without filling");
        }
        return new Decision(Action.REPRICE, target, "re-price " + currentLimit + " -> " + target
                + " (last price " + lastPrice + ")");
    }

    private static Decision cancel(String reason) {
        return new Decision(Action.CANCEL, 0, reason);
    }
}
