package com.aegis.cli;

import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.system.SystemCheckReport;
import com.aegis.workflows.system.SystemCheckRequest;
import com.aegis.workflows.system.SystemCheckWorkflow;
import io.temporal.client.WorkflowOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import com.aegis.core.krx.KrxCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code aegis demo}: the main job. Starts the local stack and the workers, exercises everything the system can do so
 * far, prints it in a trader's terms, and stops cleanly.
 */
@Command(name = "demo", description = "Run the end-to-end demonstration on the embedded stack and stop.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--startup-timeout", defaultValue = "PT3M", description = "How long to wait for health (default ${DEFAULT-VALUE}).")
    Duration startupTimeout;

    @Option(names = "--seed", defaultValue = "20261120", description = "Seed of the synthetic market (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stocks", defaultValue = "2800", description = "Listed stocks in the synthetic market (default ${DEFAULT-VALUE}).")
    int stocks;

    @Option(names = "--years", defaultValue = "3", description = "Years of history (default ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--intraday-stocks", defaultValue = "20", description = "Stocks traded on the simulated exchange (default ${DEFAULT-VALUE}).")
    int intradayStocks;

    /** The workers' simulated exchange runs this many times faster than real time during the demo. */
    static final int SIM_SPEED = 60;
    /** The trading account of the workers ({@code aegis.trading.account}'s default). */
    static final String TRADING_ACCOUNT = "local-sim";

    @Option(names = "--speed", defaultValue = "0",
            description = "Exchange clock speed: 0 = as fast as possible (default), 195 = a trading day in about 2 minutes.")
    double speed;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        CliSettings settings = CliSettings.fromEnvironment();
        Path log = settings.home().resolve("logs").resolve("workers-demo.log");
        out.println("AEGIS demo");
        out.println("==========");
        out.printf("[1] Starting the embedded stack and the workers (log: %s)%n", log);
        long t0 = System.nanoTime();
        // The simulated providers serve the same synthetic market the demo loads, and no schedule fires mid-demo.
        List<String> workerArgs = List.of("--spring.profiles.active=local", "--aegis.sim.seed=" + seed,
                "--aegis.sim.stocks=" + stocks, "--aegis.sim.years=" + years,
                "--aegis.batch.schedules-enabled=false",
                // The simulated session runs 60x from 08:50 KST: the pre-open decisions trade in the morning session.
                "--aegis.sim.speed=" + SIM_SPEED, "--aegis.sim.clock-start=08:50",
                // The exchange lists the 200 most traded stocks of the session, so the top scores are tradable.
                "--aegis.sim.intraday-stocks=200");
        try (WorkersProcess workers = WorkersProcess.start(settings, workerArgs, Optional.of(log))) {
            workers.awaitHealthy(startupTimeout);
            out.printf("    up in %.1f s%n", seconds(t0));
            StatusCommand.print(settings, WorkersProcess.fetchHealth(settings.workersUrl()), indented(out));
            out.println("    (simulator:* are the simulated broker and data providers, speaking the real protocols;"
                    + " './aegis sim fault' switches them to failure modes)");

            out.println();
            out.println("[2] SystemCheck workflow through Temporal (PostgreSQL, Redis, Kafka)");
            boolean healthy = runSystemCheck(settings, out);

            out.println();
            out.println("[3] KRX trading calendar");
            GeneratorConfig config = GeneratorConfig.defaults(seed).withStocks(stocks).withYears(years);
            MarketDemo.printCalendar(config.endDate(), out);

            out.println();
            out.println("[4] Synthetic KRX market, generated and loaded into PostgreSQL");
            MarketHistory history = MarketDemo.generateAndLoad(settings, config, out);

            List<LocalDate> days = history.tradingDays();
            LocalDate lastSession = days.get(days.size() - 1);
            // The simulated exchange trades the last session live (step 7); the data services publish up to the one before.
            LocalDate publishedSession = days.get(days.size() - 2);
            BatchDemo batch = new BatchDemo(settings, out);
            out.println();
            out.println("[5] Post-close batch of " + publishedSession + " (18:00 KST): collect, validate and store the"
                    + " day's data from the simulated KRX, OpenDART and Yahoo services");
            healthy &= batch.postClose(publishedSession);

            out.println();
            out.println("[6] Pre-open batch of " + lastSession + " (08:30 KST): screen → quant → AI → final scores,"
                    + " watchlist to Kafka, BUY/SELL decisions to the day's trading control");
            healthy &= batch.preOpen(lastSession);

            out.println();
            out.println("[7] Orders of " + lastSession + " on the simulated exchange through the KIS API: order"
                    + " workflows, fills by notice (WebSocket → Kafka → signal), MANUAL approval, books vs. broker");
            healthy &= new OrdersDemo(settings, out).run(lastSession, TRADING_ACCOUNT);

            out.println();
            // The control of a day runs until that day's midnight in Seoul, so it is today's, on the wall clock.
            LocalDate today = LocalDate.now(KrxCalendar.KST);
            out.println("[8] Trading control of today (" + today + "): operator modes, the I3 procedure, the kill switch");
            healthy &= new ControlDemo(settings, out).run(today);

            out.println();
            out.println("[9] Intraday session on the simulated exchange (auctions, continuous matching, VI, our orders)");
            new TradingDayDemo(history, out).run(intradayStocks, speed);

            out.println();
            out.println("[10] Stopping the workers and the stack");
            long t1 = System.nanoTime();
            int exit = workers.stop();
            out.printf("    stopped in %.1f s (exit code %d)%n", seconds(t1), exit);
            out.println();
            out.println(healthy ? "Demo finished: every component answered." : "Demo finished with failures (see above).");
            return healthy ? 0 : 1;
        }
    }

    static boolean runSystemCheck(CliSettings settings, PrintStream out) {
        try (TemporalAccess temporal = new TemporalAccess(settings).requireReachable()) {
            String id = RunCommand.newWorkflowId("SystemCheck");
            SystemCheckWorkflow workflow = temporal.client().newWorkflowStub(SystemCheckWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.OPS).build());
            long t = System.nanoTime();
            SystemCheckReport report = workflow.run(new SystemCheckRequest("demo", 60));
            double roundTrip = (System.nanoTime() - t) / 1e6;
            out.println("    workflow id " + id + " on task queue " + TaskQueues.OPS);
            printReport(report, out);
            out.printf("    round trip from the CLI %.0f ms, inside the workflow %d ms%n", roundTrip, report.workflowMillis());
            return report.healthy();
        }
    }

    static void printReport(SystemCheckReport r, PrintStream out) {
        Table table = new Table("COMPONENT", "RESULT", "WHAT IT DID", "TIME");
        table.row("PostgreSQL", ok(r.postgres().matched()),
                "row " + r.postgres().rowId() + " written via jOOQ and read back (" + r.postgres().serverVersion() + ")",
                r.postgres().millis() + " ms");
        table.row("Redis", ok(r.redis().matched()),
                "key " + r.redis().key() + " set with TTL " + r.redis().ttlSecondsSet() + " s, read back with TTL "
                        + r.redis().ttlSecondsSeen() + " s (Redis " + r.redis().serverVersion() + ")",
                r.redis().millis() + " ms");
        table.row("Kafka", ok(r.kafka().matched()),
                "record produced to " + r.kafka().topic() + "[" + r.kafka().partition() + "] at offset "
                        + r.kafka().offset() + " and consumed back",
                r.kafka().millis() + " ms");
        table.print(out, "    ");
    }

    private static String ok(boolean matched) {
        return matched ? "OK" : "MISMATCH";
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static PrintStream indented(PrintStream out) {
        return new PrintStream(out, true) {
            @Override
            public void println(String line) {
                super.println("    " + line);
            }
        };
    }
}
