/**
 * The batch schedules of requirement T2 as durable workflows: one long-lived schedule workflow per job sleeps until
 * the job's next Seoul fire time, starts that date's job workflow and continues as new. Workflow time drives it, so it
 * is deterministic, survives worker restarts, and can be tested with time skipping; it runs the same on the embedded
 * Temporal test server (which has no Schedules service) and on a Temporal cluster.
 */
package com.aegis.workflows.schedule;
