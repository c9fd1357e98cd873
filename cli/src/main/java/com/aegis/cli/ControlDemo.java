package com.aegis.cli;

import com.aegis.workflows.control.ControlRequest;
import com.aegis.workflows.control.ControlStatus;
import com.aegis.workflows.control.ModeChange;
import com.aegis.workflows.control.TradingControlWorkflow;
import com.aegis.workflows.control.TradingControls;
import com.aegis.workflows.control.TradingMode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The demo's trading-control part: the day's control started in MANUAL, switched to AUTO by an operator, a trading
 * failure running the I3 procedure, and the kill switch; every change audited in PostgreSQL.
 */
final class ControlDemo {

    private static final String OPERATOR = "operator";

    private final CliSettings settings;
    private final PrintStream out;

    ControlDemo(CliSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    boolean run(LocalDate day) throws InterruptedException {
        try (TemporalAccess temporal = new TemporalAccess(settings).requireReachable()) {
            TradingControls.ensureStarted(temporal.client(), ControlRequest.forDay(day, TradingMode.MANUAL,
                    List.of(OPERATOR)));
            TradingControlWorkflow control = TradingControls.of(temporal.client(), day);
            print("operator resumes automated trading", control.changeMode(
                    new ModeChange(TradingMode.AUTO, "pre-open scores published", OPERATOR)));
            control.tradingFailure("broker connection lost");
            ControlStatus afterFailure = control.status();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // The procedure runs in the workflow: manual mode, cancel-all, at least REDUCING, one alert.
            while ((afterFailure.incident() == null || afterFailure.state() == com.aegis.core.risk.TradingState.ACTIVE)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
                afterFailure = control.status();
            }
            print("trading failure (I3)", afterFailure);
            ControlStatus halted = control.changeMode(new ModeChange(TradingMode.HALTED, "end of the demo", OPERATOR));
            print("kill switch", halted);
            int audited = DSL.using(settings.dataSource(), SQLDialect.POSTGRES).fetchCount(DSL.table("trading_mode_audit"),
                    DSL.field("workflow_id").like(TradingControlWorkflow.workflowId(day) + "#%"));
            int alerts = DSL.using(settings.dataSource(), SQLDialect.POSTGRES).fetchCount(DSL.table("alert"),
                    DSL.field("rule").like("trading-control.%"));
            out.printf("    audit trail: %d mode changes in trading_mode_audit; %d alerts raised%n", audited, alerts);
            return afterFailure.incident() != null && afterFailure.mode() == TradingMode.MANUAL
                    && halted.mode() == TradingMode.HALTED;
        }
    }

    private void print(String what, ControlStatus status) {
        out.printf("    %-36s mode %-6s state %-8s %s%n", what, status.mode(), status.state(),
                status.incident() != null && status.mode() != TradingMode.AUTO ? "incident: " + status.incident()
                        : status.modeReason() == null ? "" : "(" + status.modeReason() + ")");
    }
}
