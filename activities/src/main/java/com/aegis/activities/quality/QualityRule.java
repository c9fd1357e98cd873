package com.aegis.activities.quality;

/** The validation rule that caught a value; the names are the {@code data_quality_record.rule} values. */
public enum QualityRule {
    /** A required field was absent. */
    MISSING,
    /** The field did not parse as its type. */
    PARSE_ERROR,
    /** Outside the possible range (negative price, beyond the daily limit). */
    RANGE,
    /** Outside the interquartile fences (D3). */
    IQR_OUTLIER,
    /** Too many standard deviations from the mean (D3). */
    Z_SCORE,
    /** Contradicts another field of the record (high below low, close outside high-low). */
    INCONSISTENT,
    /** Older than the freshness the dataset requires. */
    STALE,
    /** The same record arrived twice. */
    DUPLICATE
}
