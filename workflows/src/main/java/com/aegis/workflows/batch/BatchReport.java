package com.aegis.workflows.batch;

import com.aegis.workflows.scoring.PipelineReport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a batch run did.
 *
 * @param job         the job name
 * @param date        the KST date of the run
 * @param outcome     how it ended
 * @param reason      why it was skipped, degraded or failed; null when it simply succeeded
 * @param stageMillis wall time of each stage in execution order (workflow time, so replays agree)
 * @param collections what each collection stage fetched, stored and quarantined
 * @param pipeline    the scoring pipeline's report when the job ran it, else null
 * @param notes       further facts for the operator (watchlist offset, rebalance targets, recalculated days, ...)
 */
public record BatchReport(
        String job,
        LocalDate date,
        BatchOutcome outcome,
        String reason,
        Map<String, Long> stageMillis,
        List<CollectionReport> collections,
        PipelineReport pipeline,
        List<String> notes) {

    public BatchReport {
        stageMillis = stageMillis == null ? Map.of() : Map.copyOf(stageMillis);
        collections = collections == null ? List.of() : List.copyOf(collections);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
