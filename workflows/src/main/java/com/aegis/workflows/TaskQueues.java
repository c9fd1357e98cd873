package com.aegis.workflows;

/**
 * The Temporal task queues of AEGIS, in one place. A worker polls a queue; a workflow or activity stub names the
 * queue its work is sent to. Renaming a queue strands running work, so these strings are part of the wire contract.
 */
public final class TaskQueues {

    /** Batch schedules and the scoring pipeline (pre-open, post-close, weekly, monthly). */
    public static final String BATCH = "aegis-batch";

    /** Order lifecycle, execution algorithms and the trading control workflow. */
    public static final String ORDERS = "aegis-orders";

    /** Broker calls (KIS REST); rate-limited for the whole queue at the broker's limit. */
    public static final String BROKER = "aegis-broker";

    /** AI scoring and training activities, served by the gpu-worker. */
    public static final String AI = "aegis-ai";

    /** Operations: system checks, incident procedures, alerting. */
    public static final String OPS = "aegis-ops";

    /** Every queue the main worker application polls (the AI queue belongs to the gpu-worker). */
    public static final java.util.List<String> MAIN_WORKER_QUEUES = java.util.List.of(BATCH, ORDERS, BROKER, OPS);

    private TaskQueues() {
    }
}
