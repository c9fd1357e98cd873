package com.aegis.activities.sources;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one fetch used and why: one row of {@code source_fetch} (V3). {@code chosenSource} is the primary, the
 * alternate, or {@link #LAST_GOOD} when stored data stood in (D4); a {@code fallbackReason} is present exactly when
 * the chosen source is not the primary; an {@code errorMessage} is present when the fetch failed.
 *
 * @param attempts    HTTP attempts over every source tried (at least 1)
 * @param recordCount records delivered, null if none were
 */
public record FetchRecord(String kind, String batchId, LocalDate tradeDate, String primarySource,
                          String chosenSource, String fallbackReason, boolean success, int attempts, long latencyMs,
                          Integer recordCount, String errorMessage, Instant fetchedAt) {

    public static final String LAST_GOOD = "LAST_GOOD";

    public FetchRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(primarySource, "primarySource");
        Objects.requireNonNull(chosenSource, "chosenSource");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (!kind.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("fetch kind must be UPPER_SNAKE_CASE, got '" + kind + "'");
        }
        if (!chosenSource.equals(primarySource) && fallbackReason == null) {
            throw new IllegalArgumentException("a fetch that used " + chosenSource + " instead of " + primarySource
                    + " needs a fallback reason");
        }
        if (!success && errorMessage == null) {
            throw new IllegalArgumentException("a failed fetch needs an error message");
        }
        if (attempts < 1 || attempts > Short.MAX_VALUE) {
            throw new IllegalArgumentException("attempts must be within 1.." + Short.MAX_VALUE + ", got " + attempts);
        }
        if (latencyMs < 0 || latencyMs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("latencyMs must fit a non-negative integer, got " + latencyMs);
        }
        if (recordCount != null && recordCount < 0) {
            throw new IllegalArgumentException("recordCount must not be negative, got " + recordCount);
        }
    }

    /** True if a source other than the primary (or stored data) delivered. */
    public boolean fellBack() {
        return !chosenSource.equals(primarySource);
    }
}
