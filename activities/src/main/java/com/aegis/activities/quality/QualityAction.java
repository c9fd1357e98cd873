package com.aegis.activities.quality;

/** What the collector did with a value a rule caught; the names are the {@code data_quality_record.action} values. */
public enum QualityAction {
    /** Left out of the dataset. */
    REJECTED,
    /** Replaced, e.g. by the alternate source's value. */
    REPLACED,
    /** Kept, but marked for review. */
    FLAGGED
}
