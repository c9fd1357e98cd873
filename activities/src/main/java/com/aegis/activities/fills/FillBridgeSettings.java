package com.aegis.activities.fills;

import com.aegis.activities.kis.ws.KisRealtimeTr;
import com.aegis.activities.kis.ws.Registration;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link FillNoticeBridge} listens to and where it publishes.
 *
 * @param htsId         the account's HTS user id, the fill-notice registration's tr_key
 * @param tr            {@link KisRealtimeTr#FILL_NOTICE_LIVE} or {@link KisRealtimeTr#FILL_NOTICE_PAPER}
 * @param topic         the Kafka topic of the records
 * @param cumulativeTtl how long an order number's cumulative count is kept in Redis
 */
public record FillBridgeSettings(String htsId, KisRealtimeTr tr, String topic, Duration cumulativeTtl) {

    public static final String DEFAULT_TOPIC = "broker.fills.v1";
    public static final Duration DEFAULT_CUMULATIVE_TTL = Duration.ofDays(4);

    public FillBridgeSettings {
        Objects.requireNonNull(tr, "tr");
        Objects.requireNonNull(cumulativeTtl, "cumulativeTtl");
        if (!tr.isFillNotice()) {
            throw new IllegalArgumentException("the fill bridge listens to H0STCNI0 or H0STCNI9, not " + tr.trId());
        }
        new Registration(tr, Objects.requireNonNull(htsId, "htsId"));
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the fill bridge needs a Kafka topic");
        }
    }

    /** Topic {@value #DEFAULT_TOPIC}, counts kept 4 days. */
    public static FillBridgeSettings defaults(String htsId, KisRealtimeTr tr) {
        return new FillBridgeSettings(htsId, tr, DEFAULT_TOPIC, DEFAULT_CUMULATIVE_TTL);
    }

    public FillBridgeSettings withTopic(String newTopic) {
        return new FillBridgeSettings(htsId, tr, newTopic, cumulativeTtl);
    }

    public Registration registration() {
        return new Registration(tr, htsId);
    }
}
