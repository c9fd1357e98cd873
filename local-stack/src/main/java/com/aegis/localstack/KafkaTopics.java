package com.aegis.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names of the Kafka topics AEGIS publishes to, and the partition counts the local stack creates them with. */
public final class KafkaTopics {

    /** KRX trade ticks, keyed by instrument. */
    public static final String KRX_TICKS = "krx.ticks.v1";
    /** KRX order-book quotes, keyed by instrument. */
    public static final String KRX_QUOTES = "krx.quotes.v1";
    /** Fills reported by the broker. */
    public static final String BROKER_FILLS = "broker.fills.v1";
    /** Requests for an AI score, consumed by the GPU worker. */
    public static final String AI_SCORE_REQUESTS = "ai.score-requests.v1";
    /** AI scores produced by the GPU worker. */
    public static final String AI_SCORES = "ai.scores.v1";
    /** Changes to the watchlist. */
    public static final String WATCHLIST = "aegis.watchlist.v1";
    /** Round trips of the system check. */
    public static final String SYSTEM_CHECK = "aegis.system-check.v1";
    /** Alerts for the operator. */
    public static final String ALERTS = "aegis.alerts.v1";

    /** Every topic, in a stable order. */
    public static final List<String> ALL = List.of(
            KRX_TICKS, KRX_QUOTES, BROKER_FILLS, AI_SCORE_REQUESTS, AI_SCORES, WATCHLIST, SYSTEM_CHECK, ALERTS);

    /** Market data is the busiest stream, so it gets more partitions for parallel consumers. */
    public static final int MARKET_DATA_PARTITIONS = 6;
    public static final int DEFAULT_PARTITIONS = 3;

    /** Topic name to partition count, in the order of {@link #ALL}. */
    public static final Map<String, Integer> DEFAULT_PARTITION_COUNTS = defaultPartitionCounts();

    private KafkaTopics() {
    }

    private static Map<String, Integer> defaultPartitionCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : ALL) {
            boolean marketData = topic.equals(KRX_TICKS) || topic.equals(KRX_QUOTES);
            counts.put(topic, marketData ? MARKET_DATA_PARTITIONS : DEFAULT_PARTITIONS);
        }
        return java.util.Collections.unmodifiableMap(counts);
    }
}
