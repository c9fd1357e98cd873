package com.aegis.marketsim.fault;

/** What a simulated service does with one request. */
public enum FaultOutcome {
    /** Answer normally (after the decided latency). */
    PROCEED,
    /** Answer with data that is older than it claims (the decision says by how much). */
    STALE,
    /** Answer with a body that does not parse or misses required fields. */
    MALFORMED,
    /** Answer with a server error (HTTP 5xx or the API's own error code). */
    ERROR,
    /** Refuse the connection: the service is in an outage window. */
    OUTAGE
}
