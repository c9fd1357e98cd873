package com.aegis.workflows.orders;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Market time inside an order workflow: one reading of the venue's clock (an activity, so it is in the history and
 * replays alike) anchors it, and workflow time carries it on at the venue's speed. Against a real exchange the speed
 * is 1 and market time is workflow time; against an accelerated simulated session a 30 s market-time timer is a
 * correspondingly shorter workflow timer.
 */
public final class MarketTime {

    private final long anchorWorkflowMillis;
    private final Instant anchorMarket;
    private final double speed;

    private MarketTime(long anchorWorkflowMillis, Instant anchorMarket, double speed) {
        this.anchorWorkflowMillis = anchorWorkflowMillis;
        this.anchorMarket = anchorMarket;
        this.speed = speed;
    }

    /** Reads the market clock; if the reading fails, market time is workflow time. */
    static MarketTime read(OrderCheckActivities checks) {
        return read(checks::marketClock);
    }

    /** Reads the market clock through an activity call; if the reading fails, market time is workflow time. */
    public static MarketTime read(java.util.function.Supplier<OrderCheckActivities.MarketClockReading> clock) {
        try {
            OrderCheckActivities.MarketClockReading reading = clock.get();
            return new MarketTime(Workflow.currentTimeMillis(), reading.now(), reading.speed());
        } catch (ActivityFailure failure) {
            long now = Workflow.currentTimeMillis();
            Workflow.getLogger(MarketTime.class).warn("market clock unavailable ({}); using workflow time",
                    failure.getMessage());
            return new MarketTime(now, Instant.ofEpochMilli(now), 1.0);
        }
    }

    /** Market time from {@code market}, or workflow time while the market clock has not been read yet. */
    public static Instant nowOr(MarketTime market) {
        return market == null ? Instant.ofEpochMilli(Workflow.currentTimeMillis()) : market.now();
    }

    public Instant now() {
        long elapsed = Workflow.currentTimeMillis() - anchorWorkflowMillis;
        return anchorMarket.plusMillis(Math.round(elapsed * speed));
    }

    public double speed() {
        return speed;
    }

    /** The workflow-time length of a market-time span (at least 1 ms for a positive span). */
    public Duration toWorkflow(Duration market) {
        if (market.isNegative() || market.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(1, Math.round(market.toMillis() / speed)));
    }
}
