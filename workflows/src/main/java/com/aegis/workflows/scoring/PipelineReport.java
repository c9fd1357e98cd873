package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the scoring pipeline did for a date.
 *
 * @param date           the scoring date
 * @param screening      the screener's output
 * @param quant          the quant stage's output
 * @param aiModelVersion the AI ensemble used, or null when degraded
 * @param result         the final stage's output
 * @param stageMillis    wall time per stage (screen, quant, ai, final), workflow time
 */
public record PipelineReport(LocalDate date, ScreeningSummary screening, QuantSummary quant, String aiModelVersion,
                             FinalSummary result, Map<String, Long> stageMillis) {

    public PipelineReport {
        stageMillis = Map.copyOf(stageMillis);
    }
}
