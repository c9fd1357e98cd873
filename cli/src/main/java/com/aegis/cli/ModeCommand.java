package com.aegis.cli;

import com.aegis.workflows.control.ControlRequest;
import com.aegis.workflows.control.ControlStatus;
import com.aegis.workflows.control.ModeChange;
import com.aegis.workflows.control.TradingControls;
import com.aegis.workflows.control.TradingMode;
import io.temporal.client.WorkflowUpdateException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aegis mode auto|manual|halt --reason ...}: changes the day's trading mode through the trading control
 * workflow, which audits the change. The day's control is started first if it is not running, in MANUAL mode, with
 * the operators of {@code AEGIS_TRADING_OPERATORS} (default {@code operator}).
 */
@Command(name = "mode", description = "Change the trading mode (auto, manual, halt); audited, with a reason.")
public class ModeCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "auto, manual or halt (the kill switch).")
    String mode;

    @Option(names = "--reason", required = true, description = "Why; recorded in the audit trail.")
    String reason;

    @Option(names = "--operator", description = "Who (default ${DEFAULT-VALUE}).", defaultValue = "operator")
    String operator;

    @Option(names = "--date", description = "Trading day (YYYY-MM-DD; default today in Seoul).")
    LocalDate date;

    @Override
    public Integer call() {
        TradingMode target = switch (mode.toLowerCase(Locale.ROOT)) {
            case "auto" -> TradingMode.AUTO;
            case "manual" -> TradingMode.MANUAL;
            case "halt", "halted" -> TradingMode.HALTED;
            default -> throw new CliException("mode must be auto, manual or halt, got '" + mode + "'");
        };
        LocalDate day = date != null ? date : LocalDate.now(ZoneId.of("Asia/Seoul"));
        List<String> operators = Arrays.stream(System.getenv().getOrDefault("AEGIS_TRADING_OPERATORS", "operator")
                .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        try (TemporalAccess temporal = new TemporalAccess(CliSettings.fromEnvironment()).requireReachable()) {
            TradingControls.ensureStarted(temporal.client(), ControlRequest.forDay(day, TradingMode.MANUAL, operators))
                    .ifPresent(e -> System.out.println("started the trading control of " + day + " (MANUAL)"));
            ControlStatus status;
            try {
                status = TradingControls.of(temporal.client(), day).changeMode(new ModeChange(target, reason, operator));
            } catch (WorkflowUpdateException e) {
                throw new CliException("mode change refused: " + RunCommand.rootMessage(e));
            }
            System.out.printf("trading mode of %s: %s, state %s (%s)%n", day, status.mode(), status.state(),
                    status.modeReason() == null ? reason : status.modeReason());
            if (status.cancelledOrders() > 0) {
                System.out.printf("open orders cancelled: %d%n", status.cancelledOrders());
            }
            return 0;
        }
    }
}
