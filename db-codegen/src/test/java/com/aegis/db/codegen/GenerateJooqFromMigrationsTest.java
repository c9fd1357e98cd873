package com.aegis.db.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateJooqFromMigrationsTest {

    /** Shared by the tests so the PostgreSQL binaries are unpacked once, not per test. */
    private static final Path POSTGRES_WORK_DIR = Path.of("target", "codegen-test-postgres");

    @TempDir
    Path dir;

    @Test
    void generatesTablesThenSkipsUntilAMigrationChanges() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__quote.sql"),
                "create table quote (symbol char(6) primary key, last_price bigint not null check (last_price > 0));");
        GenerateJooqFromMigrations generator = generator(migrations);

        GenerateJooqFromMigrations.Outcome first = generator.generate();
        GenerateJooqFromMigrations.Outcome second = generator.generate();
        Files.writeString(migrations.resolve("V2__quote_time.sql"),
                "alter table quote add column quoted_at timestamptz;");
        GenerateJooqFromMigrations.Outcome third = generator.generate();

        Path quoteTable = dir.resolve("out/com/example/jooq/tables/Quote.java");
        assertThat(first.regenerated()).isTrue();
        assertThat(second.regenerated()).as("unchanged migrations are not regenerated").isFalse();
        assertThat(third.regenerated()).isTrue();
        assertThat(third.migrationCount()).isEqualTo(2);
        assertThat(Files.readString(quoteTable))
                .contains("LAST_PRICE")
                .contains("QUOTED_AT")
                .contains("OffsetDateTime")
                .doesNotContain("flyway_schema_history");
        assertThat(dir.resolve("out/com/example/jooq/tables/FlywaySchemaHistory.java")).doesNotExist();
    }

    @Test
    void aBrokenMigrationIsNamedInTheError() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__quote.sql"), "create table quote (symbol char(6) primary key);");
        Files.writeString(migrations.resolve("V2__broken.sql"), "alter table no_such_table add column x int;");

        assertThatThrownBy(() -> generator(migrations).generate())
                .isInstanceOf(SchemaCodegenException.class)
                .hasMessageContaining("V2__broken.sql")
                .hasMessageContaining("no_such_table");
        assertThat(dir.resolve("out").resolve(MigrationFingerprint.FINGERPRINT_FILE)).doesNotExist();
    }

    @Test
    void aMissingMigrationsDirectoryIsReportedWithThePath() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> generator(missing).generate())
                .isInstanceOf(SchemaCodegenException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void fingerprintDependsOnScriptContentAndSettings() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__a.sql"), "create table a (id int);");
        String before = MigrationFingerprint.of(migrations, "pkg.one").sha256Hex();
        String otherSettings = MigrationFingerprint.of(migrations, "pkg.two").sha256Hex();
        Files.writeString(migrations.resolve("V1__a.sql"), "create table a (id bigint);");
        String after = MigrationFingerprint.of(migrations, "pkg.one").sha256Hex();

        assertThat(before).hasSize(64).isNotEqualTo(otherSettings).isNotEqualTo(after);
    }

    private GenerateJooqFromMigrations generator(Path migrations) {
        return new GenerateJooqFromMigrations(migrations, dir.resolve("out"), "com.example.jooq", POSTGRES_WORK_DIR);
    }
}
