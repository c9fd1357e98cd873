package com.aegis.benchmarks.orders;

import com.google.protobuf.Timestamp;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an order's time to acceptance goes, read from its Temporal history: for each activity the workflow ran
 * before the first completed {@code BrokerSubmitOrder}, the wait in its task queue (scheduled to started) and its
 * execution (started to completed), and the time in workflow tasks (scheduled to completed). Event times are the
 * Temporal server's, in milliseconds.
 */
public final class AcceptancePath {

    /** Summed over the orders read: milliseconds per step, and how many orders were read. */
    private final Map<String, double[]> steps = new LinkedHashMap<>();
    private int orders;

    /** Reads the histories of these order workflows. */
    public static AcceptancePath of(WorkflowClient client, List<String> workflowIds, String submitActivity) {
        Objects.requireNonNull(client, "client");
        AcceptancePath path = new AcceptancePath();
        for (String id : workflowIds) {
            path.add(client.fetchHistory(id).getHistory().getEventsList(), submitActivity);
        }
        return path;
    }

    private void add(List<HistoryEvent> events, String submitActivity) {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        long startMillis = events.isEmpty() ? 0 : millis(events.get(0).getEventTime());
        for (HistoryEvent e : events) {
            byId.put(e.getEventId(), e);
            if (e.hasWorkflowTaskCompletedEventAttributes()) {
                HistoryEvent scheduled = byId.get(e.getWorkflowTaskCompletedEventAttributes().getScheduledEventId());
                step("workflow tasks", millis(e.getEventTime()) - millis(scheduled.getEventTime()));
            }
            if (e.hasActivityTaskCompletedEventAttributes()) {
                var done = e.getActivityTaskCompletedEventAttributes();
                HistoryEvent scheduled = byId.get(done.getScheduledEventId());
                HistoryEvent started = byId.get(done.getStartedEventId());
                String type = scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName();
                step(type + " queued", millis(started.getEventTime()) - millis(scheduled.getEventTime()));
                step(type + " ran", millis(e.getEventTime()) - millis(started.getEventTime()));
                if (type.equals(submitActivity)) {
                    step("total (server: started to submit completed)", millis(e.getEventTime()) - startMillis);
                    orders++;
                    return;
                }
            }
        }
    }

    private void step(String name, long millis) {
        steps.computeIfAbsent(name, k -> new double[1])[0] += millis;
    }

    private static long millis(Timestamp t) {
        return t.getSeconds() * 1_000 + t.getNanos() / 1_000_000;
    }

    /** Orders whose history reached a completed submit. */
    public int orders() {
        return orders;
    }

    /** Mean milliseconds per order of each step, in the order first seen. */
    public Map<String, Double> meanMillis() {
        Map<String, Double> out = new LinkedHashMap<>();
        steps.forEach((name, sum) -> out.put(name, orders == 0 ? Double.NaN : sum[0] / orders));
        return out;
    }
}
