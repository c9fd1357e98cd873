package com.aegis.workflows.scoring;

import com.aegis.workflows.StageTimes;
import com.aegis.workflows.batch.BatchStubs;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Screen → quant → AI → final for one date. Each stage is an activity that persists its output, so a crash resumes at
 * the stage that did not finish. The AI stage degrades instead of failing: disabled by configuration, or failed after
 * its retries within {@link BatchStubs#AI_BUDGET}, the final score is the quant part alone with the reason recorded
 * on every score (requirement I2).
 */
public class ScoringPipelineWorkflowImpl implements ScoringPipelineWorkflow {

    /** The reason recorded with every score when the AI stage is switched off. */
    public static final String AI_DISABLED_REASON =
            "AI models disabled (aegis.ai.enabled=false); final score = quant score alone";

    private static final Logger log = Workflow.getLogger(ScoringPipelineWorkflowImpl.class);

    private final ScoringActivities scoring = BatchStubs.scoring();
    private final AiScoringActivities ai = BatchStubs.ai();
    private final StageTimes stages = new StageTimes();

    @Override
    public PipelineReport run(PipelineRequest request) {
        ScreeningSummary screening = timed("screen", () -> scoring.screen(request.date()));
        if (screening.passed().isEmpty()) {
            throw ApplicationFailure.newNonRetryableFailure("the screener kept no stock on " + request.date()
                    + " out of " + screening.universe() + " (exclusions " + screening.excludedByFirst()
                    + "); is the market data of the previous session loaded?", "EmptyScreen");
        }
        QuantSummary quant = timed("quant",
                () -> scoring.scoreQuant(new QuantRequest(request.date(), screening.passed())));
        String degradedReason = null;
        AiScores aiScores = null;
        if (!request.aiEnabled()) {
            degradedReason = AI_DISABLED_REASON;
            stages.record("ai", 0L);
        } else {
            try {
                aiScores = timed("ai", () -> ai.score(new AiScoreRequest(request.date(), screening.passed())));
            } catch (ActivityFailure failure) {
                degradedReason = "AI stage failed (" + rootMessage(failure) + "); final score = quant score alone";
                log.warn("scoring {} degraded: {}", request.date(), degradedReason);
            }
        }
        String workflowId = Workflow.getInfo().getWorkflowId();
        FinalRequest finalRequest = aiScores != null
                ? new FinalRequest(request.date(), aiScores.scores(), null, workflowId, false, request.topN())
                : new FinalRequest(request.date(), Map.of(), degradedReason, workflowId, false, request.topN());
        FinalSummary result = timed("final", () -> scoring.scoreFinal(finalRequest));
        return new PipelineReport(request.date(), screening, quant, aiScores == null ? null : aiScores.modelVersion(),
                result, stages.millis());
    }

    private <T> T timed(String stage, Supplier<T> body) {
        return stages.time(stage, body);
    }

    /** The innermost cause's message: what actually went wrong, not the wrapper's "activity failed". */
    public static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof ApplicationFailure app ? app.getOriginalMessage() : t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
