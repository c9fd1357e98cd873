package com.aegis.workers.batch;

import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.schedule.BatchSchedules;
import com.aegis.workflows.schedule.ScheduleSpec;
import io.temporal.client.WorkflowClient;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the four batch schedules, or updates them to this configuration, once the workers are ready. Idempotent:
 * every start of every worker process may do it.
 */
@Component
public class BatchSchedulesInitializer {

    private static final Logger log = LoggerFactory.getLogger(BatchSchedulesInitializer.class);

    private final WorkflowClient client;
    private final BatchProperties properties;

    public BatchSchedulesInitializer(WorkflowClient client, BatchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureSchedules() {
        if (!properties.schedulesEnabled()) {
            log.info("batch schedules not created (aegis.batch.schedules-enabled=false)");
            return;
        }
        List<ScheduleSpec> specs = Arrays.stream(BatchJob.values())
                .map(job -> new ScheduleSpec(job, properties.aiEnabled(), false)).toList();
        for (BatchSchedules.Ensured ensured : BatchSchedules.ensure(client, specs)) {
            log.info("schedule {} ({}): {}", ensured.job().jobName(), ensured.job().rule().describe(),
                    ensured.action());
        }
    }
}
