package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRowWrittenBeforeARestartIsReadAfterIt() throws Exception {
        Path postgresDir = dataDir.resolve("postgres");

        PostgresComponent first = new PostgresComponent("127.0.0.1", Ports.pickFree("127.0.0.1", Set.of()),
                postgresDir, "aegis", "aegis", "aegis");
        first.start();
        try (Connection connection = first.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table trade_day (trade_date date primary key, note text not null)");
            statement.execute("insert into trade_day values (date '2026-11-23', 'written before restart')");
        } finally {
            first.stop();
        }
        assertThat(first.status().state()).isEqualTo(ComponentStatus.State.DOWN);

        // A new port too: the data directory, not the port, is what carries the data.
        PostgresComponent second = new PostgresComponent("127.0.0.1", Ports.pickFree("127.0.0.1", Set.of()),
                postgresDir, "aegis", "aegis", "aegis");
        second.start();
        try (Connection connection = second.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select note from trade_day where trade_date = '2026-11-23'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before restart");
            assertThat(second.status().state()).isEqualTo(ComponentStatus.State.UP);
        } finally {
            second.stop();
        }
    }
}
