package com.aegis.workflows.orders;

import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.OrderType;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.risk.RiskDecision;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Objects;

/**
 * Pre-trade checks that need data (task queue {@code aegis-orders}): E3's order-book depth, the risk limits of core's
 * {@code RiskCheck} against the current portfolio, and duplicate open orders; plus the last trade price that the
 * 10-minute review re-prices to. The session and holiday check needs no data and runs inside the workflow.
 */
@ActivityInterface
public interface OrderCheckActivities {

    /** Approves the order or denies it with a reason code. */
    @ActivityMethod(name = "OrderValidate")
    Validation validate(ValidationRequest request);

    /** The last trade price of a symbol; {@code available} is false when there is none (e.g. no trade yet). */
    @ActivityMethod(name = "OrderLastPrice")
    LastPrice lastPrice(String symbol);

    /**
     * The market's clock: the time now on the venue the orders go to and how fast it runs against real time (1 for a
     * real exchange, the acceleration of a simulated session). Order workflows read it once and derive market time
     * from workflow time, so sessions, dates and the E4/E5 timers follow the venue's clock.
     */
    @ActivityMethod(name = "OrderMarketClock")
    MarketClockReading marketClock();

    /** One reading of the market clock; {@code speed} is market seconds per real second. */
    record MarketClockReading(java.time.Instant now, double speed) {
        public MarketClockReading {
            Objects.requireNonNull(now, "now");
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("market clock speed must be positive, got " + speed);
            }
        }
    }

    /**
     * The order to check.
     *
     * @param parentOrderId the execution-algorithm parent of a slice, else null; the duplicate check must not count
     *                      the slice's siblings as duplicates
     */
    record ValidationRequest(String clientOrderId, String accountId, String symbol, Market market, Side side,
            OrderType type, long quantity, long limitPrice, long decisionPrice, long signalId, String parentOrderId) {
    }

    /**
     * The check's answer, core's {@link RiskDecision} in wire form.
     *
     * @param reason  the denial reason, null when approved
     * @param message the limit and its numbers, for the operator
     */
    record Validation(boolean approved, DenialReason reason, String message) {

        public Validation {
            if (!approved) {
                Objects.requireNonNull(reason, "a denial needs a reason");
            }
        }

        public static Validation of(RiskDecision decision) {
            return decision instanceof RiskDecision.Denied denied
                    ? new Validation(false, denied.reason(), denied.message())
                    : new Validation(true, null, "approved");
        }

        public RiskDecision toDecision() {
            return approved ? RiskDecision.approve() : RiskDecision.deny(reason, message == null ? "" : message);
        }
    }

    /** A last trade price in KRW. */
    record LastPrice(boolean available, long price) {
    }
}
