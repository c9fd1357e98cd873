package com.aegis.workflows.system;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Proves the whole platform path end to end: a workflow on the operations queue whose activities touch each piece of
 * infrastructure (PostgreSQL through jOOQ, Redis through Lettuce, Kafka through kafka-clients) and report what they saw.
 */
@WorkflowInterface
public interface SystemCheckWorkflow {

    String TYPE = "SystemCheck";

    @WorkflowMethod(name = TYPE)
    SystemCheckReport run(SystemCheckRequest request);
}
