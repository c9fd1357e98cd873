package com.aegis.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final List<String> EXPECTED_TABLES = List.of(
            "sector", "instrument", "instrument_status_event", "trading_calendar",
            "daily_bar", "market_index", "index_daily_bar", "fundamental_statement", "disclosure",
            "global_indicator", "global_indicator_value",
            "data_quality_record", "source_fetch",
            "factor_definition", "factor_value", "market_regime_daily", "score_daily", "factor_weight",
            "model_registry", "ai_prediction",
            "signal", "orders", "order_event", "fill", "execution_report", "position", "cash_ledger",
            "daily_performance",
            "alert", "incident", "trading_mode_audit", "system_check");

    @Test
    void migratesAnEmptyDatabaseAndASecondMigrateIsANoOp() throws SQLException {
        DataSource dataSource = EmbeddedDatabase.freshDatabase("migrate_twice");

        MigrateResult first = Migrations.migrate(dataSource);
        MigrateResult second = Migrations.migrate(dataSource);

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isEqualTo(first.migrations.size()).isGreaterThanOrEqualTo(6);
        assertThat(first.targetSchemaVersion).isEqualTo(String.valueOf(first.migrationsExecuted));
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(publicTables(dataSource)).containsAll(EXPECTED_TABLES);
    }

    @Test
    void anEditedAppliedMigrationIsReportedInsteadOfMigrated() throws SQLException {
        DataSource dataSource = EmbeddedDatabase.freshDatabase("edited_migration");
        Migrations.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("update flyway_schema_history set checksum = checksum + 1 where version = '2'");
        }

        assertThatThrownBy(() -> Migrations.migrate(dataSource))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("do not match")
                .hasMessageContaining("V2__market_data.sql")
                .hasMessageContaining("new V<n>__<what>.sql migration");
    }

    @Test
    void aFailingMigrationIsNamedInTheError() throws SQLException {
        DataSource dataSource = EmbeddedDatabase.freshDatabase("failing_migration");
        Flyway.configure().configuration(Migrations.flyway(dataSource).getConfiguration()).target("1").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // A leftover table in the way of V2.
            statement.execute("create table daily_bar (symbol text)");
        }

        assertThatThrownBy(() -> Migrations.migrate(dataSource))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V2__market_data.sql")
                .hasMessageContaining("\"daily_bar\" already exists")
                .satisfies(e -> assertThat(((MigrationFailedException) e).migrationScript())
                        .contains("V2__market_data.sql"));
    }

    @Test
    void aSchemaWithForeignTablesIsRefusedWithoutBlamingAMigration() throws SQLException {
        DataSource dataSource = EmbeddedDatabase.freshDatabase("foreign_schema");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table legacy_quotes (symbol text)");
        }

        assertThatThrownBy(() -> Migrations.migrate(dataSource))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("non-empty schema")
                .satisfies(e -> assertThat(((MigrationFailedException) e).migrationScript()).isEmpty());
    }

    private static List<String> publicTables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
