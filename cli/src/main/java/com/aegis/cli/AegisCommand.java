package com.aegis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's {@code aegis} command. */
@Command(name = "aegis", mixinStandardHelpOptions = true, version = "AEGIS 0.1.0",
        description = "AEGIS: automated trading for the Korean stock market (KOSPI, KOSDAQ).",
        subcommands = {UpCommand.class, StatusCommand.class, RunCommand.class, WorkflowsCommand.class,
                DemoCommand.class, ModeCommand.class, OrdersCommand.class, SchedulesCommand.class, ScoresCommand.class, ExplainCommand.class, CalendarCommand.class, MarketCommand.class, SimCommand.class, CommandLine.HelpCommand.class})
public class AegisCommand {

    static {
        // The CLI speaks to the operator; library chatter (gRPC, Temporal) stays below warnings.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; an operator-facing failure prints its message alone. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that redirect its output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AegisCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("aegis: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }
}
