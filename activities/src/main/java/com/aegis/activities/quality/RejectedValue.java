package com.aegis.activities.quality;

import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One value validation caught: one row of {@code data_quality_record} (V3). {@code symbol}, {@code asOfDate},
 * {@code field} and {@code value} may be null when the record has none (e.g. a disclosure without a stock code).
 *
 * @param dataset   UPPER_SNAKE_CASE name of the dataset, e.g. DAILY_PRICE
 * @param recordKey the record within its dataset, e.g. {@code 005930@2026-11-23} or a DART rcept_no
 * @param source    the provider the value came from, e.g. KRX_DATA
 * @param fetchedAt when the value was fetched
 */
public record RejectedValue(String batchId, String dataset, String recordKey, Symbol symbol, LocalDate asOfDate,
                            String field, String value, QualityRule rule, String reason, QualityAction action,
                            String source, Instant fetchedAt) {

    public RejectedValue {
        requireText(batchId, "batchId");
        requireText(dataset, "dataset");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(rule, "rule");
        requireText(reason, "reason");
        Objects.requireNonNull(action, "action");
        requireText(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (!dataset.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("dataset must be UPPER_SNAKE_CASE, got '" + dataset + "'");
        }
    }

    private static void requireText(String text, String name) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(name + " of a rejected value must not be empty");
        }
    }
}
