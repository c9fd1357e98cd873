package com.aegis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job, {@code ./aegis demo}, runs on the embedded stack from start to clean stop. */
class AegisDemoIT {

    @TempDir
    Path home;

    @Test
    void demoRunsEndToEndAndStopsCleanly() throws Exception {
        LauncherProcess launcher = new LauncherProcess(home);

        LauncherProcess.Result demo = launcher.run(home, 600, "demo");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output())
                .contains("Demo finished: every component answered.")
                .containsPattern("PostgreSQL\\s+OK")
                .containsPattern("Redis\\s+OK")
                .containsPattern("Kafka\\s+OK")
                .containsPattern("DailyPostClose \\d{4}-\\d{2}-\\d{2}: (SUCCEEDED|DEGRADED)")
                .containsPattern("screener: [\\d,]+ listed . (1[5-9]\\d|200) kept")
                .containsPattern("final scores: \\d+ BUY \\(. 75\\)")
                .contains("aegis explain ")
                .containsPattern("trading control trading-control-\\S+: AUTO, [1-9]\\d* order\\(s\\) started")
                .containsPattern("approved -> order order-\\S+-SELL-")
                .containsPattern("FILLED")
                .contains("books match the broker")
                .containsPattern("trading failure \\(I3\\)\\s+mode MANUAL state REDUCING")
                .containsPattern("kill switch\\s+mode HALTED state HALTED")
                .containsPattern("stopped in [\\d.]+ s \\(exit code (0|143)\\)");
    }
}
