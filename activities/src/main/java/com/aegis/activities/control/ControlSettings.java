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
 */
public record ControlSettings(String accountId, String alertsTopic, OrderType orderType, String cancelOperator,
        Duration publishTimeout) {

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
    }

    /** The account's settings: LIMIT orders, {@link #ALERTS_TOPIC}, cancels by the control's system operator. */
    public static ControlSettings defaults(String accountId) {
        return new ControlSettings(accountId, ALERTS_TOPIC, OrderType.LIMIT, TradingControlWorkflow.SYSTEM_OPERATOR,
                PUBLISH_TIMEOUT);
    }

    public ControlSettings withAlertsTopic(String topic) {
        return new ControlSettings(accountId, topic, orderType, cancelOperator, publishTimeout);
    }

    public ControlSettings withOrderType(OrderType type) {
        return new ControlSettings(accountId, alertsTopic, type, cancelOperator, publishTimeout);
    }
}
