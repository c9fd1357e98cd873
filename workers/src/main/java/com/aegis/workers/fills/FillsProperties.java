package com.aegis.workers.fills;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fill-notice path ({@code aegis.fills.*}).
 *
 * @param enabled       whether the bridge and the router run
 * @param htsId         the account's HTS user id the notices are registered for; empty = {@code KIS_HTS_ID}, or the
 *                      simulator's account when it runs. Without one the bridge stays stopped (the router still runs)
 * @param websocketUrl  the KIS real-time WebSocket; empty = the simulator's, else the KIS environment's own
 * @param topic         the Kafka topic of the fill records
 * @param groupId       the router's consumer group
 * @param grace         how long a record waits for its order number to reach the ledger before quarantine
 * @param cumulativeTtl how long Redis keeps an order number's cumulative filled quantity
 */
@ConfigurationProperties("aegis.fills")
public record FillsProperties(@DefaultValue("true") boolean enabled,
                              String htsId,
                              URI websocketUrl,
                              @DefaultValue("broker.fills.v1") String topic,
                              @DefaultValue("aegis-fill-router") String groupId,
                              @DefaultValue("30s") Duration grace,
                              @DefaultValue("4d") Duration cumulativeTtl) {
}
