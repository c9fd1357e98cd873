package com.aegis.activities.control;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.OrderType;
import com.aegis.workflows.control.TradingControlWorkflow;
import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of {@link ControlActivitiesImpl}.
 *
 * @param accountId      the trading account the control's orders are placed for
 * @param alertsTopic    Kafka topic of operator alerts ({@code aegis.alerts.v1})
 * @param orderType      how a control decision is ordered: LIMIT at the decision price, or MARKET
 * @param cancelOperator the operator named in the cancel signals of a cancel-all (the control itself)
 * @param publishTimeout how long an alert waits for Kafka's acknowledgement
 * @param sliceAbove     a decision worth more than this (KRW) is executed as a TWAP of {@code slices} child orders
 *                       over {@code sliceHorizon} instead of one order (E4)
 */
public record ControlSettings(String accountId, String alertsTopic, OrderType orderType, String cancelOperator,
        Duration publishTimeout, long sliceAbove, int slices, Duration sliceHorizon) {

    /** Decisions above 50 million KRW are sliced by default. */
    public static final long SLICE_ABOVE = 50_000_000L;

    /** The alerts topic of the local stack and of production (the local stack's {@code KafkaTopics.ALERTS}). */
    public static final String ALERTS_TOPIC = "aegis.alerts.v1";
    /** Kafka acknowledgement timeout by default. */
    public static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(15);

    public ControlSettings {
        AccountId.of(accountId);
        if (alertsTopic == null || alertsTopic.isBlank()) {
            throw new IllegalArgumentException("alerts topic must not be blank");
        }
        Objects.requireNonNull(orderType, "orderType");
        if (cancelOperator == null || cancelOperator.isBlank()) {
            throw new IllegalArgumentException("cancel operator must not be blank");
        }
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        if (publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("publish timeout must be positive, got " + publishTimeout);
        }
        if (sliceAbove <= 0 || slices < 2) {
            throw new IllegalArgumentException("slicing needs a positive threshold and at least 2 slices, got "
                    + sliceAbove + " KRW and " + slices);
        }
        Objects.requireNonNull(sliceHorizon, "sliceHorizon");
        if (sliceHorizon.isNegative() || sliceHorizon.isZero()) {
            throw new IllegalArgumentException("slice horizon must be positive, got " + sliceHorizon);
        }
    }

    /** The account's settings: LIMIT orders, {@link #ALERTS_TOPIC}, cancels by the control's system operator. */
    public static ControlSettings defaults(String accountId) {
        return new ControlSettings(accountId, ALERTS_TOPIC, OrderType.LIMIT, TradingControlWorkflow.SYSTEM_OPERATOR,
                PUBLISH_TIMEOUT, SLICE_ABOVE, 5, Duration.ofMinutes(40));
    }

    public ControlSettings withAlertsTopic(String topic) {
        return new ControlSettings(accountId, topic, orderType, cancelOperator, publishTimeout, sliceAbove, slices,
                sliceHorizon);
    }

    public ControlSettings withOrderType(OrderType type) {
        return new ControlSettings(accountId, alertsTopic, type, cancelOperator, publishTimeout, sliceAbove, slices,
                sliceHorizon);
    }

    /** Decisions above {@code notional} KRW become a TWAP of {@code count} slices over {@code horizon}. */
    public ControlSettings withSlicing(long notional, int count, Duration horizon) {
        return new ControlSettings(accountId, alertsTopic, orderType, cancelOperator, publishTimeout, notional, count,
                horizon);
    }
}
