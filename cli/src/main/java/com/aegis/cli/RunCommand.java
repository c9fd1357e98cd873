package com.aegis.cli;

import com.aegis.workflows.WorkflowCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.api.common.v1.WorkflowExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code aegis run <workflow> [key=value ...]}: starts a workflow by name like {@code temporal workflow start}, prints
 * its workflow ID, waits for it and prints its result as JSON.
 */
@Command(name = "run", description = "Start a workflow by name, print its workflow ID, wait for and print its result.")
public class RunCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules();

    @Parameters(index = "0", description = "Workflow name or type, e.g. SystemCheck. Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = KnownWorkflows.class)
    String workflow;

    @Parameters(index = "1..*", arity = "0..*", description = "Workflow arguments as key=value (e.g. note=hello).")
    List<String> arguments = List.of();

    @Option(names = "--id", description = "Workflow ID to use (default: <name>-<KST time>-<random>).")
    String workflowId;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "How long to wait for the result (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Print the workflow ID and return without waiting.")
    boolean noWait;

    @Option(names = "--date", description = "KST date a batch job or the scoring pipeline runs for (YYYY-MM-DD; "
            + "default today in Seoul). Any date may be given: a backfill.")
    java.time.LocalDate date;

    @Option(names = "--force", description = "Repeat a batch job for a date on which it already succeeded.")
    boolean force;

    static final class KnownWorkflows implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return WorkflowCatalog.entries().stream().map(WorkflowCatalog.Entry::name).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        WorkflowCatalog.Entry entry = WorkflowCatalog.find(workflow).orElseThrow(() -> new CliException(
                "Unknown workflow '" + workflow + "'. Known workflows: " + WorkflowCatalog.entries().stream()
                        .map(WorkflowCatalog.Entry::name).collect(Collectors.joining(", "))));
        Map<String, String> args = parseArguments(arguments);
        if (entry.dated()) {
            args.putIfAbsent("date", String.valueOf(date != null ? date : java.time.LocalDate.now(ZoneId.of("Asia/Seoul"))));
            if (force) {
                args.put("force", "true");
            }
        } else if (date != null || force) {
            throw new CliException("--date and --force apply to the batch jobs and ScoringPipeline, not to " + entry.name());
        }
        Object input = entry.inputFromArguments().apply(args);
        String id = workflowId != null ? workflowId
                : entry.workflowIdOf() != null ? entry.workflowIdOf().apply(input) : newWorkflowId(entry.name());
        try (TemporalAccess temporal = new TemporalAccess(CliSettings.fromEnvironment()).requireReachable()) {
            WorkflowStub stub = temporal.client().newUntypedWorkflowStub(entry.workflowType(),
                    WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(entry.taskQueue())
                            .setWorkflowIdReusePolicy(io.temporal.api.enums.v1.WorkflowIdReusePolicy
                                    .WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE).build());
            WorkflowExecution execution;
            try {
                execution = stub.start(input);
            } catch (io.temporal.client.WorkflowExecutionAlreadyStarted e) {
                throw new CliException("workflow " + id + " is already running; see 'aegis workflows'");
            }
            System.out.println("workflow id: " + execution.getWorkflowId());
            System.out.println("run id:      " + execution.getRunId());
            if (noWait) {
                return 0;
            }
            try {
                JsonNode result = stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, JsonNode.class);
                System.out.println("status:      COMPLETED");
                System.out.println(JSON.writeValueAsString(result));
                return 0;
            } catch (TimeoutException e) {
                System.out.println("status:      RUNNING (not finished within " + timeout + "; see 'aegis workflows')");
                return 2;
            } catch (WorkflowFailedException e) {
                System.out.println("status:      FAILED");
                System.out.println("cause:       " + rootMessage(e));
                return 1;
            }
        }
    }

    static Map<String, String> parseArguments(List<String> arguments) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq <= 0) {
                throw new CliException("Workflow arguments are key=value pairs; got '" + argument + "'.");
            }
            parsed.put(argument.substring(0, eq), argument.substring(eq + 1));
        }
        return parsed;
    }

    static String newWorkflowId(String name) {
        return name + "-" + LocalDateTime.now(ZoneId.of("Asia/Seoul")).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
