package com.aegis.cli;

import com.aegis.db.Migrations;
import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.HistoryFiles;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aegis market ...}: the synthetic KRX market. */
@Command(name = "market", description = "The synthetic KRX market.", subcommands = MarketCommand.Generate.class)
public class MarketCommand {

    /** {@code aegis market generate}: generate a market history and write it to PostgreSQL or to files. */
    @Command(name = "generate", description = "Generate a deterministic synthetic market history (same seed, same bytes).")
    static class Generate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--seed", required = true, description = "Random seed; the same seed and options give identical data.")
        long seed;

        @Option(names = "--stocks", defaultValue = "2800", description = "Listed stocks (default ${DEFAULT-VALUE}).")
        int stocks;

        @Option(names = "--years", defaultValue = "3", description = "Years of daily history (default ${DEFAULT-VALUE}).")
        int years;

        @Option(names = "--end", description = "Last day of the history (default 2026-11-20).")
        LocalDate end;

        @Option(names = "--null-market", description = "No planted effects: returns independent of every past observable.")
        boolean nullMarket;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static class Target {
            @Option(names = "--db", required = true,
                    description = "Load into PostgreSQL (AEGIS_POSTGRES_URL, default the local stack's database).")
            boolean db;

            @Option(names = "--out", required = true, paramLabel = "DIR", description = "Write CSV files and a manifest to DIR.")
            Path out;
        }

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = spec.commandLine().getOut();
            GeneratorConfig config = GeneratorConfig.defaults(seed).withStocks(stocks).withYears(years)
                    .withNullMarket(nullMarket);
            if (end != null) {
                config = config.withEndDate(end);
            }
            out.printf("Generating %,d stocks x %d years (seed %d%s), %s to %s%n", config.stocks(), config.years(),
                    seed, nullMarket ? ", null market" : "", config.startDate(), config.endDate());
            ProgressBar bar = new ProgressBar(out);
            long t0 = System.nanoTime();
            MarketHistory history = MarketGenerator.generate(config, bar::update);
            bar.finish();
            out.printf("Generated %,d instruments, %,d daily bars, %,d statements, %,d disclosures in %.1f s%n",
                    history.instruments().size(), history.bars().size(), history.statements().size(),
                    history.disclosures().size(), (System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            if (target.out != null) {
                HistoryFiles.Manifest manifest = HistoryFiles.write(history, target.out);
                out.printf("Wrote %d files to %s in %.1f s (manifest: %s)%n", manifest.files().size(),
                        target.out.toAbsolutePath(), (System.nanoTime() - t1) / 1e9, HistoryFiles.MANIFEST);
            } else {
                CliSettings settings = CliSettings.fromEnvironment();
                Map<String, Long> rows;
                try (Connection connection = connect(settings)) {
                    // The schema is Flyway's: an empty database is migrated first, a current one is left as it is.
                    Migrations.migrate(settings.dataSource());
                    rows = PostgresHistoryLoader.load(history, connection, bar::update);
                }
                bar.finish();
                out.printf("Loaded into %s in %.1f s:%n", settings.jdbcUrl(), (System.nanoTime() - t1) / 1e9);
                rows.forEach((table, count) -> out.printf("  %-24s %,12d rows%n", table, count));
            }
            out.flush();
            return 0;
        }

        private static Connection connect(CliSettings settings) {
            try {
                return DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            } catch (SQLException e) {
                throw new CliException("PostgreSQL is not reachable at " + settings.jdbcUrl() + " (" + e.getMessage()
                        + "). Start AEGIS with './aegis up' or set AEGIS_POSTGRES_URL.", e);
            }
        }
    }
}
