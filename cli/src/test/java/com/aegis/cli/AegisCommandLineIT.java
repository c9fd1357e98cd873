package com.aegis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's commands end to end: {@code ./aegis up} in the background, then {@code status}, {@code run SystemCheck}
 * and {@code workflows} against it, then a graceful stop.
 */
class AegisCommandLineIT {

    @TempDir
    static Path home;

    static LauncherProcess launcher;
    static Process up;
    static Path upOutput;

    @BeforeAll
    static void startAegisUp() throws Exception {
        launcher = new LauncherProcess(home);
        upOutput = home.resolve("up.out");
        up = launcher.start(upOutput, "up");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> health = WorkersProcess.fetchHealth(launcher.workersUrl());
            if (health.isPresent() && "UP".equals(health.get().path("status").asText())) {
                return;
            }
            if (!up.isAlive()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("aegis up did not become healthy; output:\n" + Files.readString(upOutput));
    }

    @AfterAll
    static void stopAegisUp() throws Exception {
        if (up == null) {
            return;
        }
        up.destroy();
        assertThat(up.waitFor(90, TimeUnit.SECONDS)).as("aegis up stops on SIGTERM").isTrue();
        assertThat(WorkersProcess.fetchHealth(launcher.workersUrl())).as("workers are gone").isEmpty();
    }

    @Test
    void statusShowsEachComponentUpWithItsAddressAndVersion() throws Exception {
        LauncherProcess.Result status = launcher.run(home, 60, "status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output())
                .containsPattern("temporal\\s+UP\\s+127\\.0\\.0\\.1:" + launcher.temporalPort + "\\s+test server")
                .containsPattern("postgres\\s+UP\\s+127\\.0\\.0\\.1:" + launcher.env.get("AEGIS_LOCAL_POSTGRES_PORT") + "/aegis\\s+17\\.")
                .containsPattern("redis\\s+UP\\s+127\\.0\\.0\\.1:" + launcher.env.get("AEGIS_LOCAL_REDIS_PORT") + "\\s+\\d")
                .containsPattern("kafka\\s+UP\\s+127\\.0\\.0\\.1:" + launcher.env.get("AEGIS_LOCAL_KAFKA_PORT") + "\\s+\\d")
                .containsPattern("simulator:kis\\s+UP\\s+http://127\\.0\\.0\\.1:" + launcher.env.get("AEGIS_SIM_KIS_REST_PORT"))
                .containsPattern("simulator:kis-ws\\s+UP\\s+ws://127\\.0\\.0\\.1:" + launcher.env.get("AEGIS_SIM_KIS_WS_PORT") + "/tryitout")
                .containsPattern("simulator:krx\\s+UP\\s+http://127\\.0\\.0\\.1:" + launcher.env.get("AEGIS_SIM_KRX_PORT"))
                .containsPattern("simulator:dart\\s+UP")
                .containsPattern("simulator:yahoo\\s+UP");
    }

    @Test
    void runSystemCheckPrintsTheWorkflowIdAndWhatItSaw() throws Exception {
        LauncherProcess.Result run = launcher.run(home, 120, "run", "SystemCheck", "note=from-the-cli");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern("workflow id: SystemCheck-\\d{8}-\\d{6}-")
                .contains("status:      COMPLETED")
                .contains(":from-the-cli\"")
                .contains("\"topic\" : \"aegis.system-check.v1\"");

        LauncherProcess.Result workflows = launcher.run(home, 60, "workflows");
        assertThat(workflows.exitCode()).as(workflows.output()).isZero();
        assertThat(workflows.output()).containsPattern("COMPLETED\\s+SystemCheck\\s+SystemCheck-");
    }

    @Test
    void simulatedProvidersSwitchToAFailureModeFromTheCommandLine() throws Exception {
        LauncherProcess.Result outage = launcher.run(home, 60, "sim", "fault", "yahoo", "outage", "--amount", "5");
        assertThat(outage.exitCode()).as(outage.output()).isZero();
        assertThat(outage.output()).containsPattern("yahoo\\s+http://127\\.0\\.0\\.1:\\d+\\s+Yahoo Finance chart API\\s+OUTAGE \\(5 min");

        LauncherProcess.Result back = launcher.run(home, 60, "sim", "fault", "yahoo", "normal");
        assertThat(back.output()).containsPattern("yahoo\\s+\\S+\\s+Yahoo Finance chart API\\s+NORMAL");

        LauncherProcess.Result unknown = launcher.run(home, 60, "sim", "fault", "bloomberg", "errors");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("Unknown simulated service 'bloomberg'");
    }

    @Test
    void anUnknownWorkflowIsAClearError() throws Exception {
        LauncherProcess.Result run = launcher.run(home, 60, "run", "NoSuchWorkflow");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Unknown workflow 'NoSuchWorkflow'").contains("SystemCheck");
    }

    @Test
    void aBatchJobForAHolidayIsSkippedWithTheHolidaysName() throws Exception {
        LauncherProcess.Result run = launcher.run(home, 120, "run", "DailyPreOpen", "--date", "2026-10-05");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("workflow id: batch-DailyPreOpen-2026-10-05")
                .contains("\"outcome\" : \"SKIPPED\"")
                .contains("Substitute holiday (National Foundation Day)");

        // The workers created the schedules at start; the skipped run is the pre-open job's last.
        LauncherProcess.Result schedules = launcher.run(home, 60, "schedules");
        assertThat(schedules.exitCode()).as(schedules.output()).isZero();
        assertThat(schedules.output())
                .containsPattern("DailyPreOpen\\s+daily 08:30 KST\\s+\\d{4}-\\d{2}-\\d{2} 08:30\\s+2026-10-05\\s+SKIPPED")
                .containsPattern("MonthlyFactor\\s+last SATURDAY of the month 04:00 KST\\s+\\d{4}-\\d{2}-\\d{2} 04:00");
    }

    @Test
    void scoresAndExplainSayWhatToRunWhenADateHasNoScores() throws Exception {
        LauncherProcess.Result scores = launcher.run(home, 60, "scores", "--date", "2019-01-02");
        assertThat(scores.exitCode()).isEqualTo(1);
        assertThat(scores.output()).contains("no scores for 2019-01-02")
                .contains("aegis run DailyPreOpen --date 2019-01-02");

        LauncherProcess.Result explain = launcher.run(home, 60, "explain", "005930", "--date", "2019-01-02");
        assertThat(explain.exitCode()).isEqualTo(1);
        assertThat(explain.output()).contains("no score for 005930 on 2019-01-02");

        LauncherProcess.Result badDate = launcher.run(home, 60, "run", "DailyPreOpen", "date=2026-13-01");
        assertThat(badDate.exitCode()).isEqualTo(1);
        assertThat(badDate.output()).contains("date must be YYYY-MM-DD, got '2026-13-01'");
    }

    @Test
    void theKillSwitchIsAnAuditedModeChangeAndARepeatIsRefused() throws Exception {
        LauncherProcess.Result halt = launcher.run(home, 60, "mode", "halt", "--reason", "exchange outage drill",
                "--date", "2026-12-01");
        assertThat(halt.exitCode()).as(halt.output()).isZero();
        assertThat(halt.output()).contains("trading mode of 2026-12-01: HALTED, state HALTED");

        LauncherProcess.Result again = launcher.run(home, 60, "mode", "halt", "--reason", "twice", "--date",
                "2026-12-01");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("mode change refused");

        LauncherProcess.Result stranger = launcher.run(home, 60, "mode", "auto", "--reason", "resume", "--operator",
                "mallory", "--date", "2026-12-01");
        assertThat(stranger.exitCode()).isEqualTo(1);
        assertThat(stranger.output()).contains("mallory");

        // The operator's order commands on the halted day: nothing pending, an unknown decision is refused.
        LauncherProcess.Result pending = launcher.run(home, 60, "orders", "pending", "--date", "2026-12-01");
        assertThat(pending.exitCode()).as(pending.output()).isZero();
        assertThat(pending.output()).contains("trading mode of 2026-12-01: HALTED")
                .contains("no decisions wait for approval");
        LauncherProcess.Result approve = launcher.run(home, 60, "orders", "approve", "42", "--date", "2026-12-01");
        assertThat(approve.exitCode()).isEqualTo(1);
        assertThat(approve.output()).contains("approval refused").contains("42");
        LauncherProcess.Result list = launcher.run(home, 60, "orders", "list", "--date", "2026-12-01");
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("no orders on 2026-12-01");
    }
}
