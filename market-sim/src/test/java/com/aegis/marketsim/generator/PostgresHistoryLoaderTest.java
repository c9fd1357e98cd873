package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk load into the real schema on the embedded PostgreSQL of the local stack. */
class PostgresHistoryLoaderTest {

    private static DataSource dataSource;
    private static MarketHistory history;

    @BeforeAll
    static void migrate() {
        dataSource = LocalStack.sharedForTests().dataSource();
        Migrations.migrate(dataSource);
        history = GeneratedMarkets.of(GeneratorConfig.defaults(31).withStocks(60).withYears(1));
    }

    @Test
    void loadsEveryTableAndReloadsIdempotently() throws Exception {
        Map<String, Long> first = PostgresHistoryLoader.load(history, dataSource, ProgressListener.NONE);
        Map<String, Long> inDatabase = countRows();
        Map<String, Long> second = PostgresHistoryLoader.load(history, dataSource, ProgressListener.NONE);

        assertThat(second).isEqualTo(first);
        assertThat(countRows()).isEqualTo(inDatabase);
        assertThat(first.get("daily_bar")).isEqualTo(history.bars().size());
        assertThat(inDatabase.get("daily_bar")).isEqualTo(history.bars().size());
        assertThat(inDatabase.get("instrument")).isEqualTo(60);
        assertThat(inDatabase.get("fundamental_statement")).isEqualTo(history.statements().size());
        assertThat(inDatabase.get("disclosure")).isEqualTo(history.disclosures().size());
        assertThat(inDatabase.get("instrument_status_event")).isEqualTo(history.statusEvents().size());
        assertThat(inDatabase.get("index_daily_bar")).isEqualTo(history.indexBars().size());
        assertThat(inDatabase.get("global_indicator_value")).isEqualTo(history.globalObservations().size());
        assertThat(first).containsKeys("sector", "trading_calendar", "market_index", "global_indicator");
    }

    @Test
    void storedBarsMatchTheGeneratedOnes() throws Exception {
        PostgresHistoryLoader.load(history, dataSource, ProgressListener.NONE);
        DailyBar bar = history.barsOf(history.instruments().get(5).symbol()).get(100);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select base_price, open, high, low, close, volume, "
                     + "traded_value, market_cap from daily_bar where symbol = ? and trade_date = ?")) {
            ps.setString(1, bar.symbol().code());
            ps.setObject(2, bar.tradeDate());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(bar.basePrice());
                assertThat(rs.getLong(5)).isEqualTo(bar.close());
                assertThat(rs.getLong(6)).isEqualTo(bar.volume());
                assertThat(rs.getLong(8)).isEqualTo(bar.close() * history.instruments().get(5).listedShares());
            }
        }
    }

    @Test
    void aFailedLoadLeavesThePreviousDataInPlace() throws Exception {
        PostgresHistoryLoader.load(history, dataSource, ProgressListener.NONE);
        Map<String, Long> before = countRows();
        ProgressListener failing = (stage, done, total) -> {
            if (stage.equals("daily_bar") && done >= 30) {
                throw new IllegalStateException("simulated interruption while loading bars");
            }
        };
        assertThatThrownBy(() -> PostgresHistoryLoader.load(history, dataSource, failing))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("simulated interruption");
        assertThat(countRows()).isEqualTo(before);
    }

    private static Map<String, Long> countRows() throws SQLException {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        String symbols = "select symbol from instrument where symbol in (" + String.join(",",
                history.instruments().stream().map(i -> "'" + i.symbol().code() + "'").toList()) + ")";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"instrument", "daily_bar", "fundamental_statement", "disclosure",
                "instrument_status_event"}) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table + " where symbol in (" + symbols
                        + ")")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            for (String table : new String[] {"index_daily_bar", "global_indicator_value"}) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
