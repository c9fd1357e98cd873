package com.aegis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code aegis status}: each component's state, address and version, as the running workers see them. */
@Command(name = "status", description = "Show each component: up/down, address, version.")
public class StatusCommand implements Callable<Integer> {

    static final List<String> COMPONENTS = List.of("temporal", "postgres", "redis", "kafka");
    private static final List<String> IGNORED = List.of("ping", "diskSpace", "ssl", "livenessState", "readinessState");

    @Override
    public Integer call() {
        CliSettings settings = CliSettings.fromEnvironment();
        Optional<JsonNode> health = WorkersProcess.fetchHealth(settings.workersUrl());
        return print(settings, health, System.out) ? 0 : 1;
    }

    /** Prints the status table; returns whether everything is up. */
    static boolean print(CliSettings settings, Optional<JsonNode> health, PrintStream out) {
        Table table = new Table("COMPONENT", "STATE", "ADDRESS", "VERSION", "DETAIL");
        boolean allUp;
        if (health.isEmpty()) {
            table.row("workers", "DOWN", settings.workersUrl(), "", "not answering; start with './aegis up'");
            String temporal = probeTemporal(settings);
            table.row("temporal", temporal == null ? "UP" : "DOWN", settings.temporalTarget(), "",
                    temporal == null ? "answering" : temporal);
            allUp = false;
        } else {
            JsonNode root = health.get();
            JsonNode components = root.path("components");
            table.row("workers", root.path("status").asText(), settings.workersUrl(), "", "health endpoint");
            allUp = "UP".equals(root.path("status").asText());
            for (String name : COMPONENTS) {
                row(table, name, components.path(name));
            }
            // Any further component the workers report (the simulated providers, ...) follows the core four.
            for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (COMPONENTS.contains(e.getKey()) || IGNORED.contains(e.getKey())) {
                    continue;
                }
                if (e.getValue().has("components")) {
                    e.getValue().path("components").fields().forEachRemaining(child ->
                            row(table, e.getKey() + ":" + child.getKey(), child.getValue()));
                } else {
                    row(table, e.getKey(), e.getValue());
                }
            }
        }
        table.print(out, "");
        return allUp;
    }

    private static void row(Table table, String name, JsonNode component) {
        JsonNode d = component.path("details");
        table.row(name, component.path("status").asText("UNKNOWN"), d.path("address").asText(),
                d.path("version").asText(),
                d.has("error") ? d.path("error").asText() : d.path("mode").asText());
    }

    private static String probeTemporal(CliSettings settings) {
        try (TemporalAccess temporal = new TemporalAccess(settings)) {
            temporal.requireReachable();
            return null;
        } catch (CliException e) {
            return "not answering";
        }
    }
}
