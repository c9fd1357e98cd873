package com.aegis.workflows.system;

/**
 * What a system check saw on each component. {@code healthy()} is true only when every probe read back exactly what it
 * wrote.
 */
public record SystemCheckReport(String checkId,
                                PostgresProbe postgres,
                                RedisProbe redis,
                                KafkaProbe kafka,
                                long workflowMillis) {

    public boolean healthy() {
        return postgres.matched() && redis.matched() && kafka.matched();
    }

    /** A row written through jOOQ and read back by its id. */
    public record PostgresProbe(long rowId, String written, String readBack, String serverVersion, long millis) {
        public boolean matched() {
            return written.equals(readBack);
        }
    }

    /** A key set with a TTL and read back, with the TTL Redis reported for it. */
    public record RedisProbe(String key, String written, String readBack, long ttlSecondsSet, long ttlSecondsSeen,
                             String serverVersion, long millis) {
        public boolean matched() {
            return written.equals(readBack) && ttlSecondsSeen > 0 && ttlSecondsSeen <= ttlSecondsSet;
        }
    }

    /** A record produced to a topic and consumed back from the partition and offset the broker acknowledged. */
    public record KafkaProbe(String topic, int partition, long offset, String written, String readBack, long millis) {
        public boolean matched() {
            return written.equals(readBack);
        }
    }
}
