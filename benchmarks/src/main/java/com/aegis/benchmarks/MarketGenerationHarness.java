package com.aegis.benchmarks;

import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.localstack.LocalStackConfig;
import com.aegis.marketsim.generator.DailyBarTable;
import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.HistoryFiles;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * Time to generate the full synthetic universe (2,800 stocks x 3 years by default), to write it to files, and to load
 * it into PostgreSQL. Baseline measured in the same run, on the same database: a raw {@code COPY} of the same daily
 * bars into an unlogged table without keys or indexes, i.e. what PostgreSQL ingests when nothing is checked.
 *
 * <pre>benchmarks/run MarketGenerationHarness [seed] [stocks] [years]</pre>
 */
public final class MarketGenerationHarness {

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 20261120L;
        GeneratorConfig config = GeneratorConfig.defaults(seed);
        if (args.length > 1) {
            config = config.withStocks(Integer.parseInt(args[1]));
        }
        if (args.length > 2) {
            config = config.withYears(Integer.parseInt(args[2]));
        }
        System.out.printf("machine: %d cores, Java %s; %,d stocks x %d years, seed %d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), config.stocks(),
                config.years(), seed);

        MarketGenerator.generate(config.withStocks(200).withYears(1), (s, d, t) -> { }); // warm the JIT
        long t0 = System.nanoTime();
        MarketHistory history = MarketGenerator.generate(config, (s, d, t) -> { });
        double generate = seconds(t0);
        DailyBarTable bars = history.bars();
        System.out.printf("generate: %.2f s (%,d daily bars, %,.0f bars/s)%n", generate, bars.size(), bars.size() / generate);

        Path dir = Files.createTempDirectory("aegis-market-");
        long t1 = System.nanoTime();
        HistoryFiles.write(history, dir);
        System.out.printf("write files: %.2f s to %s%n", seconds(t1), dir);

        Path data = Files.createTempDirectory("aegis-bench-stack-");
        try (LocalStack stack = LocalStack.start(LocalStackConfig.ephemeral(data))) {
            Migrations.migrate(stack.dataSource());
            try (Connection connection = stack.dataSource().getConnection()) {
                long t2 = System.nanoTime();
                Map<String, Long> rows = PostgresHistoryLoader.load(history, connection, (s, d, t) -> { });
                double load = seconds(t2);
                long t3 = System.nanoTime();
                PostgresHistoryLoader.load(history, connection, (s, d, t) -> { });
                double reload = seconds(t3);
                double rawCopy = rawCopyOfBars(connection, bars);
                System.out.printf("load into PostgreSQL: %.1f s (%,d rows), idempotent re-load %.1f s%n", load,
                        rows.values().stream().mapToLong(Long::longValue).sum(), reload);
                System.out.printf("baseline raw COPY of the %,d daily bars into an unlogged, unindexed table: %.1f s "
                        + "-> the loader takes %.1fx the raw ingest%n", bars.size(), rawCopy, load / rawCopy);
            }
        }
    }

    private static double rawCopyOfBars(Connection connection, DailyBarTable bars) throws Exception {
        StringBuilder csv = new StringBuilder(bars.size() * 64);
        for (int s = 0; s < bars.stockCount(); s++) {
            for (int d = 0; d < bars.tradingDays().size(); d++) {
                if (bars.hasBar(s, d)) {
                    csv.append(bars.symbol(s)).append(',').append(bars.tradingDays().get(d)).append(',')
                            .append(bars.basePrice(s, d)).append(',').append(bars.open(s, d)).append(',')
                            .append(bars.high(s, d)).append(',').append(bars.low(s, d)).append(',')
                            .append(bars.close(s, d)).append(',').append(bars.volume(s, d)).append(',')
                            .append(bars.tradedValue(s, d)).append('\n');
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("drop table if exists bench_raw_bars");
            st.execute("create unlogged table bench_raw_bars (symbol text, trade_date date, base bigint, o bigint,"
                    + " h bigint, l bigint, c bigint, v bigint, tv bigint)");
            long t = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_raw_bars from stdin (format csv)", new StringReader(csv.toString()));
            double elapsed = seconds(t);
            st.execute("drop table bench_raw_bars");
            return elapsed;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
