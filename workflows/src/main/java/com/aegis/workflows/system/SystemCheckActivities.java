package com.aegis.workflows.system;

import com.aegis.workflows.system.SystemCheckReport.KafkaProbe;
import com.aegis.workflows.system.SystemCheckReport.PostgresProbe;
import com.aegis.workflows.system.SystemCheckReport.RedisProbe;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The infrastructure probes of {@link SystemCheckWorkflow}. Each is idempotent for a given check id. */
@ActivityInterface
public interface SystemCheckActivities {

    @ActivityMethod(name = "SystemCheckPostgres")
    PostgresProbe writeAndReadPostgres(String checkId, String note);

    @ActivityMethod(name = "SystemCheckRedis")
    RedisProbe setAndGetRedis(String checkId, long ttlSeconds);

    @ActivityMethod(name = "SystemCheckKafka")
    KafkaProbe produceAndConsumeKafka(String checkId);
}
