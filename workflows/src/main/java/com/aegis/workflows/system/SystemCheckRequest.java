package com.aegis.workflows.system;

/**
 * Input of a system check.
 *
 * @param note            free text stored with the PostgreSQL row, so an operator can find their check
 * @param redisTtlSeconds time-to-live of the Redis key the check writes; must be positive
 */
public record SystemCheckRequest(String note, long redisTtlSeconds) {

    public SystemCheckRequest {
        if (note == null) {
            note = "";
        }
        if (redisTtlSeconds <= 0) {
            throw new IllegalArgumentException("redisTtlSeconds must be positive, was " + redisTtlSeconds);
        }
    }

    public static SystemCheckRequest defaults() {
        return new SystemCheckRequest("system check", 60);
    }
}
