package com.aegis.workflows;

import com.aegis.workflows.system.SystemCheckRequest;
import com.aegis.workflows.system.SystemCheckWorkflow;

import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.batch.BatchRequest;
import com.aegis.workflows.scoring.PipelineRequest;
import com.aegis.workflows.scoring.ScoringPipelineWorkflow;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workflows an operator can start by name ({@code aegis run <name>}): the workflow type registered with Temporal,
 * the task queue its worker polls, how a run is identified, and how the command line's {@code key=value} arguments
 * become the workflow's input.
 */
public final class WorkflowCatalog {

    /**
     * One startable workflow.
     *
     * @param workflowIdOf the workflow ID a run with this input must have (a batch job's is fixed by its date), or
     *                     null when any ID will do
     */
    public record Entry(String name, String workflowType, String taskQueue, String description,
                        Function<Map<String, String>, Object> inputFromArguments,
                        Function<Object, String> workflowIdOf) {

        public Entry(String name, String workflowType, String taskQueue, String description,
                     Function<Map<String, String>, Object> inputFromArguments) {
            this(name, workflowType, taskQueue, description, inputFromArguments, null);
        }

        /** True for the scheduled batch jobs, which take {@code date}, {@code force} and {@code ai}. */
        public boolean dated() {
            return workflowIdOf != null || workflowType.equals(ScoringPipelineWorkflow.TYPE);
        }
    }

    private static final List<Entry> ENTRIES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(
                    new Entry("SystemCheck", SystemCheckWorkflow.TYPE, TaskQueues.OPS,
                            "Writes and reads PostgreSQL, sets and gets a Redis key with a TTL, produces and consumes "
                                    + "a Kafka record",
                            args -> new SystemCheckRequest(args.getOrDefault("note", "operator check"),
                                    Long.parseLong(args.getOrDefault("redis-ttl-seconds", "60")))),
                    new Entry("ScoringPipeline", ScoringPipelineWorkflow.TYPE, TaskQueues.BATCH,
                            "Screen, quant, AI and final scores for date=YYYY-MM-DD (ai=true to call the AI stage)",
                            args -> new PipelineRequest(date(args), Boolean.parseBoolean(args.getOrDefault("ai",
                                    "false")), Integer.parseInt(args.getOrDefault("top", "10"))))),
            java.util.Arrays.stream(BatchJob.values()).map(job -> new Entry(job.jobName(), job.workflowType(),
                    TaskQueues.BATCH, job.rule().describe() + " batch job for date=YYYY-MM-DD (force=true repeats "
                            + "a date that succeeded)",
                    args -> new BatchRequest(date(args), Boolean.parseBoolean(args.getOrDefault("force", "false")),
                            Boolean.parseBoolean(args.getOrDefault("ai", "false"))),
                    input -> job.workflowId(((BatchRequest) input).date())))).toList();

    private static LocalDate date(Map<String, String> args) {
        String date = args.get("date");
        if (date == null) {
            throw new IllegalArgumentException("this workflow needs a date: --date YYYY-MM-DD (or date=YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD, got '" + date + "'");
        }
    }

    private static final Map<String, Entry> BY_NAME = ENTRIES.stream()
            .collect(Collectors.toMap(e -> e.name().toLowerCase(Locale.ROOT), Function.identity()));

    private WorkflowCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** Finds a workflow by its short name or its workflow type, ignoring case. */
    public static Optional<Entry> find(String nameOrType) {
        String key = nameOrType.toLowerCase(Locale.ROOT);
        Entry byName = BY_NAME.get(key);
        if (byName != null) {
            return Optional.of(byName);
        }
        return ENTRIES.stream().filter(e -> e.workflowType().equalsIgnoreCase(nameOrType)).findFirst();
    }
}
