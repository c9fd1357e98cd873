package com.aegis.workflows.batch;

/** How a batch run ended. */
public enum BatchOutcome {
    /** Every stage completed. */
    SUCCEEDED,
    /** Completed with a fallback: AI disabled or failed, a source fell back to the last good data, stale scores served. */
    DEGRADED,
    /** The date is not a trading day (or the period has none); nothing ran, the reason is recorded. */
    SKIPPED,
    /** The job had already succeeded for the date and the run was not forced; nothing ran. */
    ALREADY_SUCCEEDED,
    /** A stage failed after its retries; the reason is recorded. */
    FAILED
}
