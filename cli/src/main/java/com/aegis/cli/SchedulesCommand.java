package com.aegis.cli;

import static com.aegis.db.jooq.Tables.BATCH_RUN;

import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.schedule.BatchSchedules;
import com.aegis.workflows.schedule.ScheduleState;
import com.aegis.db.jooq.tables.records.BatchRunRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;

/**
 * {@code aegis schedules}: each batch job's schedule (its rule and next fire in Seoul time) and the run it started
 * last, with that run's outcome and reason.
 */
@Command(name = "schedules", description = "The batch schedules: next fire (KST) and the last run of each job.")
public class SchedulesCommand implements Callable<Integer> {

    private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Seoul"));

    @Override
    public Integer call() {
        PrintStream out = System.out;
        CliSettings settings = CliSettings.fromEnvironment();
        DSLContext db = DSL.using(settings.dataSource(), SQLDialect.POSTGRES);
        Table table = new Table("JOB", "RULE", "NEXT FIRE (KST)", "LAST RUN", "STATUS", "REASON");
        try (TemporalAccess temporal = new TemporalAccess(settings).requireReachable()) {
            for (BatchJob job : BatchJob.values()) {
                Optional<ScheduleState> state = BatchSchedules.state(temporal.client(), job);
                String next = state.map(ScheduleState::nextFire).filter(n -> n != null)
                        .map(n -> KST.format(Instant.parse(n)) + (state.get().spec().paused() ? " (paused)" : ""))
                        .orElse(state.isPresent() ? "firing" : "no schedule");
                BatchRunRecord last = db.selectFrom(BATCH_RUN).where(BATCH_RUN.JOB_NAME.eq(job.jobName()))
                        .orderBy(BATCH_RUN.STARTED_AT.desc()).limit(1).fetchOne();
                table.row(job.jobName(), job.rule().describe(), next,
                        last == null ? "-" : last.getRunDate().toString(), last == null ? "" : last.getStatus(),
                        last == null || last.getReason() == null ? "" : abbreviate(last.getReason(), 70));
            }
        }
        table.print(out, "");
        return 0;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
