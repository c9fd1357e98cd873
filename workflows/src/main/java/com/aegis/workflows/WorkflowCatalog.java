package com.aegis.workflows;

import com.aegis.workflows.system.SystemCheckRequest;
import com.aegis.workflows.system.SystemCheckWorkflow;

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

    /** One startable workflow. */
    public record Entry(String name, String workflowType, String taskQueue, String description,
                        Function<Map<String, String>, Object> inputFromArguments) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("SystemCheck", SystemCheckWorkflow.TYPE, TaskQueues.OPS,
                    "Writes and reads PostgreSQL, sets and gets a Redis key with a TTL, produces and consumes a Kafka record",
                    args -> new SystemCheckRequest(args.getOrDefault("note", "operator check"),
                            Long.parseLong(args.getOrDefault("redis-ttl-seconds", "60")))));

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
