package com.aegis.db.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes of the AEGIS schema from the Flyway migrations, against a real PostgreSQL.
 *
 * <p>Arguments: {@code <migrations dir> <output dir> <target package> <postgres working dir>}. The generated classes
 * are skipped when the output directory already holds classes generated from the same migrations (see
 * {@link MigrationFingerprint}), so an incremental build does not start a database.
 */
public final class GenerateJooqFromMigrations {

    /** Bump when the generator settings below change, so existing output is regenerated. */
    static final String GENERATOR_SETTINGS_VERSION = "jooq-3.19/records/no-pojos/java-time/v1";

    private final Path migrationsDir;
    private final Path outputDir;
    private final String targetPackage;
    private final Path postgresWorkDir;

    public GenerateJooqFromMigrations(Path migrationsDir, Path outputDir, String targetPackage, Path postgresWorkDir) {
        this.migrationsDir = migrationsDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.targetPackage = targetPackage;
        this.postgresWorkDir = postgresWorkDir.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new SchemaCodegenException("Expected 4 arguments: <migrations dir> <output dir> <target package> "
                    + "<postgres working dir>, got " + args.length + ": " + Arrays.toString(args));
        }
        // Keep the build log to what matters.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Outcome outcome = new GenerateJooqFromMigrations(Path.of(args[0]), Path.of(args[1]), args[2], Path.of(args[3]))
                .generate();
        System.out.println("[aegis-db-codegen] " + outcome.describe());
    }

    /** What a run did, for the build log. */
    public record Outcome(boolean regenerated, int migrationCount, Path outputDir, long millis) {
        public String describe() {
            return regenerated
                    ? "Generated jOOQ classes from " + migrationCount + " migrations into " + outputDir + " in "
                            + millis + " ms"
                    : "jOOQ classes in " + outputDir + " are up to date with " + migrationCount
                            + " migrations; skipped generation";
        }
    }

    /** Generates the classes unless they are up to date with the migrations. */
    public Outcome generate() {
        long started = System.nanoTime();
        if (!Files.isDirectory(migrationsDir)) {
            throw new SchemaCodegenException("Migrations directory " + migrationsDir + " does not exist; "
                    + "pass the directory holding the V<n>__<what>.sql scripts");
        }
        MigrationFingerprint fingerprint =
                MigrationFingerprint.of(migrationsDir, GENERATOR_SETTINGS_VERSION + "|" + targetPackage);
        if (fingerprint.scripts().isEmpty()) {
            throw new SchemaCodegenException("No .sql migration scripts in " + migrationsDir);
        }
        try {
            Files.createDirectories(postgresWorkDir);
        } catch (IOException e) {
            throw new SchemaCodegenException("Cannot create the PostgreSQL working directory " + postgresWorkDir, e);
        }
        // Several builds may build this module at once (each with -am); the lock makes them take turns, so the
        // later one finds the classes up to date instead of regenerating under the other's compiler.
        try (FileChannel lockFile = FileChannel.open(postgresWorkDir.resolve(".codegen.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (fingerprint.matchesOutputIn(outputDir) && Files.isDirectory(packageDir())) {
                return new Outcome(false, fingerprint.scripts().size(), outputDir, elapsedMillis(started));
            }
            regenerate(fingerprint);
        } catch (IOException e) {
            throw new SchemaCodegenException("Cannot lock " + postgresWorkDir.resolve(".codegen.lock")
                    + " to serialise code generation: " + e.getMessage(), e);
        }
        return new Outcome(true, fingerprint.scripts().size(), outputDir, elapsedMillis(started));
    }

    private void regenerate(MigrationFingerprint fingerprint) {
        try (EmbeddedPostgres postgres = startPostgres()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource);
            generateClasses(dataSource);
        } catch (IOException e) {
            throw new SchemaCodegenException("Embedded PostgreSQL failed to start or stop (working directory "
                    + postgresWorkDir + "): " + e.getMessage(), e);
        }
        fingerprint.storeIn(outputDir);
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(postgresWorkDir.toFile())
                // A data directory of its own per run; it is deleted when the database stops.
                .setDataDirectory(postgresWorkDir.resolve(
                        "data-" + ProcessHandle.current().pid() + "-" + System.nanoTime()))
                .setCleanDataDirectory(true)
                .start();
    }

    private void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + migrationsDir)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
        try {
            flyway.migrate();
        } catch (FlywayMigrateException e) {
            // Flyway's own exception for a failing script; PostgreSQL rolled that migration back.
            MigrationInfo failed = e.getMigration();
            String which = failed == null ? "a migration in " + migrationsDir
                    : "migration " + failed.getScript() + " (version " + failed.getVersion() + ")";
            throw new SchemaCodegenException("Flyway failed to apply " + which + ": " + e.getMessage()
                    + System.lineSeparator() + "Fix the SQL and rebuild; already-applied migrations must not be edited "
                    + "once released.", e);
        } catch (FlywayException e) {
            throw new SchemaCodegenException("Flyway could not migrate the embedded database from " + migrationsDir
                    + ": " + e.getMessage(), e);
        }
    }

    private void generateClasses(DataSource dataSource) {
        Configuration configuration = new Configuration()
                .withLogging(Logging.WARN)
                .withGenerator(new Generator()
                        .withName("org.jooq.codegen.JavaGenerator")
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withIncludes(".*")
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false)
                                .withIndexes(true)
                                .withKeys(true))
                        .withTarget(new Target()
                                .withPackageName(targetPackage)
                                .withDirectory(outputDir.toString())
                                .withClean(true)));
        try (Connection connection = dataSource.getConnection()) {
            GenerationTool tool = new GenerationTool();
            tool.setConnection(connection);
            tool.run(configuration);
        } catch (SQLException e) {
            throw new SchemaCodegenException("Cannot connect to the embedded PostgreSQL for code generation: "
                    + e.getMessage(), e);
        } catch (Exception e) {
            throw new SchemaCodegenException("jOOQ code generation into " + outputDir + " (package " + targetPackage
                    + ") failed: " + e.getMessage(), e);
        }
    }

    private Path packageDir() {
        return outputDir.resolve(targetPackage.replace('.', '/'));
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
