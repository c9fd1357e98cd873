package com.aegis.workers.stack;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Worker options for the embedded Temporal test server. The test server keeps a workflow on a worker's sticky queue
 * forever: it has neither the sticky schedule-to-start timeout nor {@code ResetStickyTaskQueue}, so the workflows a
 * stopped worker was running would never be picked up by the next one. With a zero sticky timeout the workers ask for
 * no sticky queue, every workflow task goes to the normal queue with the history, and a restart resumes everything.
 * A Temporal cluster (the prod profile) keeps sticky execution.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalTemporalWorkerOptions {

    /** The worker options that make a stopped worker's workflows resumable on the embedded test server. */
    public static io.temporal.worker.WorkerOptions.Builder withoutStickyQueue(
            io.temporal.worker.WorkerOptions.Builder options) {
        return options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }

    @Bean
    WorkerOptionsCustomizer noStickyQueueOnTheTestServer() {
        return (options, workerName, taskQueue) -> withoutStickyQueue(options);
    }
}
