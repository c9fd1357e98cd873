package com.aegis.workflows.batch;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One collection stage's input.
 *
 * @param date    the KST trading date whose data is collected
 * @param batchId groups the stage's fetch and quarantine records ({@code source_fetch.batch_id},
 *                {@code data_quality_record.batch_id}); the workflow ID of the run
 */
public record CollectionRequest(LocalDate date, String batchId) {

    public CollectionRequest {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(batchId, "batchId");
    }
}
