package com.aegis.workflows.batch;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.OutsideCalendarCoverageException;
import com.aegis.workflows.StageTimes;
import com.aegis.workflows.scoring.PipelineReport;
import com.aegis.workflows.scoring.ScoringPipelineWorkflowImpl;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bookkeeping every batch job shares, used from workflow code: the trading-calendar check, the claim in
 * {@code batch_run}, stage timing in workflow time, degradation notes, and the final record. A job that fails records
 * FAILED with the reason and then fails its workflow, so both the table and Temporal show it.
 */
final class BatchRun {

    private final BatchJob job;
    private final BatchRequest request;
    private final String workflowId;
    private final BatchRunActivities runs = BatchStubs.runs();
    private final KrxCalendar calendar = KrxCalendar.standard();
    private final StageTimes stages = new StageTimes();
    private final List<CollectionReport> collections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> degradations = new ArrayList<>();
    private final Map<String, String> summary = new LinkedHashMap<>();

    BatchRun(BatchJob job, BatchRequest request) {
        this.job = job;
        this.request = request;
        this.workflowId = Workflow.getInfo().getWorkflowId();
    }

    KrxCalendar calendar() {
        return calendar;
    }

    LocalDate date() {
        return request.date();
    }

    BatchRequest request() {
        return request;
    }

    /**
     * Decides whether the run goes ahead: a report to return at once when {@code skipReason} names one (recorded as
     * SKIPPED) or when the job already succeeded for the date and the run is not forced; empty to proceed.
     */
    Optional<BatchReport> begin(Supplier<Optional<String>> skipReason) {
        Optional<String> skip;
        try {
            skip = skipReason.get();
        } catch (OutsideCalendarCoverageException e) {
            throw ApplicationFailure.newNonRetryableFailure(job.jobName() + " cannot run for " + request.date() + ": "
                    + e.getMessage(), "OutsideCalendar");
        }
        if (skip.isPresent()) {
            runs.finish(new RunFinish(job.jobName(), request.date(), workflowId, BatchOutcome.SKIPPED, skip.get(),
                    Map.of(), Map.of()));
            return Optional.of(report(BatchOutcome.SKIPPED, skip.get(), null));
        }
        RunClaim claim = runs.claim(job.jobName(), request.date(), workflowId, request.force());
        if (!claim.proceed()) {
            return Optional.of(report(BatchOutcome.ALREADY_SUCCEEDED, job.jobName() + " already " + claim.previousStatus()
                    + " for " + request.date() + "; run it with force to repeat it", null));
        }
        if (claim.attempt() > 1) {
            notes.add("attempt " + claim.attempt() + " for this date (previously " + claim.previousStatus() + ")");
        }
        return Optional.empty();
    }

    /** The standard skip rule of a daily job: the date is not a KRX trading day. */
    Optional<String> notATradingDay() {
        return calendar.closureReason(request.date())
                .map(reason -> request.date() + " is not a trading day (" + reason + ")");
    }

    <T> T stage(String name, Supplier<T> body) {
        return stages.time(name, body);
    }

    /** Runs a collection stage; its fallback becomes a degradation. A failure after retries fails the job. */
    CollectionReport collect(String name, Supplier<CollectionReport> body) {
        CollectionReport report = stage(name, body);
        collections.add(report);
        if (report.degraded()) {
            degrade(report.dataset() + " " + report.date() + " from " + report.source() + ": " + report.fallbackReason());
        }
        notes.addAll(report.warnings());
        return report;
    }

    void degrade(String reason) {
        degradations.add(reason);
    }

    void note(String note) {
        notes.add(note);
    }

    void summarise(String key, Object value) {
        summary.put(key, String.valueOf(value));
    }

    /** Records the run as SUCCEEDED, or DEGRADED with every degradation as the reason. */
    BatchReport complete(PipelineReport pipeline) {
        BatchOutcome outcome = degradations.isEmpty() ? BatchOutcome.SUCCEEDED : BatchOutcome.DEGRADED;
        String reason = degradations.isEmpty() ? null : String.join("; ", degradations);
        runs.finish(new RunFinish(job.jobName(), request.date(), workflowId, outcome, reason, stages.millis(),
                summary));
        return report(outcome, reason, pipeline);
    }

    /** Records FAILED with the failure's reason and returns the exception that fails the workflow. */
    ApplicationFailure fail(String stage, TemporalFailure failure) {
        String reason = stage + " failed: " + ScoringPipelineWorkflowImpl.rootMessage(failure);
        runs.finish(new RunFinish(job.jobName(), request.date(), workflowId, BatchOutcome.FAILED, reason,
                stages.millis(), summary));
        return ApplicationFailure.newNonRetryableFailureWithCause(job.jobName() + " " + request.date() + ": " + reason,
                "BatchFailed", failure);
    }

    /** Runs the whole body; any activity or child failure is recorded as FAILED and fails the workflow. */
    BatchReport guarded(Supplier<BatchReport> body) {
        try {
            return body.get();
        } catch (ActivityFailure | ChildWorkflowFailure failure) {
            throw fail(lastStage(), failure);
        }
    }

    private String lastStage() {
        String last = "start";
        for (String name : stages.millis().keySet()) {
            last = name;
        }
        return last;
    }

    private BatchReport report(BatchOutcome outcome, String reason, PipelineReport pipeline) {
        return new BatchReport(job.jobName(), request.date(), outcome, reason, stages.millis(), collections, pipeline,
                notes);
    }
}
