package com.aegis.workflows.batch;

import com.aegis.workflows.scoring.FinalRequest;
import com.aegis.workflows.scoring.QuantRequest;
import com.aegis.workflows.scoring.QuantSummary;
import com.aegis.workflows.scoring.ScoringActivities;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Last Saturday of the month 04:00 KST (T3 factor recalculation): for every session of the month up to the run date
 * that was scored, recomputes the factor values and quant scores of the same screened stocks with every statement now
 * stored (late filings and restatements, still point in time) and re-blends the final scores with the AI part stored
 * for that day. Reports how many quant scores changed.
 */
public class MonthlyFactorWorkflowImpl implements MonthlyFactorWorkflow {

    private final ScoringActivities scoring = BatchStubs.scoring();

    @Override
    public BatchReport run(BatchRequest request) {
        BatchRun run = new BatchRun(BatchJob.MONTHLY_FACTOR, request);
        LocalDate date = request.date();
        List<LocalDate> sessions = run.calendar().tradingDays(date.withDayOfMonth(1), date);
        return run.begin(() -> sessions.isEmpty()
                ? Optional.of("no trading session in " + date.getYear() + "-" + date.getMonthValue() + " up to " + date)
                : Optional.empty()).orElseGet(() -> run.guarded(() -> {
            String workflowId = Workflow.getInfo().getWorkflowId();
            int days = 0;
            int changed = 0;
            for (LocalDate session : sessions) {
                List<String> screened = run.stage("screened", () -> scoring.screenedSymbols(session));
                if (screened.isEmpty()) {
                    continue;
                }
                QuantSummary quant = run.stage("quant", () -> scoring.scoreQuant(new QuantRequest(session, screened)));
                run.stage("final", () -> scoring.scoreFinal(
                        new FinalRequest(session, Map.of(), null, workflowId, true, 0)));
                days++;
                changed += quant.changedScores();
            }
            if (days == 0) {
                run.degrade("no session of the month up to " + date + " was scored; nothing recalculated");
            }
            run.summarise("days", days);
            run.summarise("changedScores", changed);
            run.note("recalculated " + days + " scored sessions; " + changed + " quant scores changed");
            return run.complete(null);
        }));
    }
}
