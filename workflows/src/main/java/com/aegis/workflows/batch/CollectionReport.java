package com.aegis.workflows.batch;

import java.time.LocalDate;
import java.util.List;

/**
 * What one collection stage did. Re-running a stage for the same date replaces its rows, so {@code stored} is the
 * number of rows the date now has for the dataset, never an increment.
 *
 * @param dataset          e.g. {@code DAILY_PRICE}, {@code INDEX_BAR}, {@code DISCLOSURE}, {@code FINANCIAL_STATEMENT},
 *                         {@code GLOBAL_INDICATOR}, {@code TIDY}
 * @param date             the KST date collected
 * @param source           the source the data came from (the primary, an alternate, or {@code LAST_GOOD})
 * @param fallbackReason   why the primary was not used; null when it was
 * @param fetched          records received from the source(s)
 * @param stored           rows written for the date
 * @param quarantined      values rejected by validation and recorded with their reason
 * @param affectedSymbols  stocks whose cached analytics must be invalidated (e.g. a new disclosure)
 * @param warnings         operator-facing warnings (fallbacks, stale data, missing quarters)
 */
public record CollectionReport(
        String dataset,
        LocalDate date,
        String source,
        String fallbackReason,
        int fetched,
        int stored,
        int quarantined,
        List<String> affectedSymbols,
        List<String> warnings) {

    public CollectionReport {
        affectedSymbols = affectedSymbols == null ? List.of() : List.copyOf(affectedSymbols);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** True when the data did not come from the primary source. */
    public boolean degraded() {
        return fallbackReason != null;
    }
}
