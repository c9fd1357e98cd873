package com.aegis.workflows;

import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time of named stages in workflow time (so replays agree), in the order they first ran; a stage run twice adds
 * up. Only for use in workflow code.
 */
public final class StageTimes {

    private final Map<String, Long> millis = new LinkedHashMap<>();

    /** Runs {@code body} and adds its duration to {@code stage}, also when it throws. */
    public <T> T time(String stage, Supplier<T> body) {
        long start = Workflow.currentTimeMillis();
        try {
            return body.get();
        } finally {
            record(stage, Workflow.currentTimeMillis() - start);
        }
    }

    public void record(String stage, long durationMillis) {
        millis.merge(stage, durationMillis, Long::sum);
    }

    /** The stages so far, in order; a live view. */
    public Map<String, Long> millis() {
        return millis;
    }
}
