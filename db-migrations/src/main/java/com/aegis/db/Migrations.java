package com.aegis.db;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Applies the AEGIS schema migrations ({@code classpath:db/migration}) to a database. The application calls it at
 * start-up and tests call it on a fresh embedded PostgreSQL; on an up-to-date database it is a no-op.
 */
public final class Migrations {

    /** Where the migration scripts live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * Validates the already-applied migrations against the scripts on the classpath, then applies the pending ones.
     *
     * @throws MigrationFailedException naming the migration that failed, or the validation problem (for example an
     *                                  applied script that was edited afterwards)
     */
    public static MigrateResult migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        try {
            return flyway.migrate();
        } catch (FlywayValidateException e) {
            List<String> mismatched = mismatchedScripts(flyway);
            throw new MigrationFailedException("The database's applied migrations do not match the scripts in "
                    + LOCATION + (mismatched.isEmpty() ? "" : " (" + String.join(", ", mismatched) + ")") + ": "
                    + e.getMessage() + System.lineSeparator()
                    + "An applied migration was edited or removed; restore it and put the change in a new "
                    + "V<n>__<what>.sql migration.", mismatched.isEmpty() ? null : mismatched.get(0), e);
        } catch (FlywayMigrateException e) {
            // Flyway's own exception for a failing script; PostgreSQL rolled that migration back.
            MigrationInfo failed = e.getMigration();
            String script = failed == null ? null : failed.getScript();
            String which = failed == null ? "a migration in " + LOCATION
                    : "migration " + script + " (version " + failed.getVersion() + ")";
            throw new MigrationFailedException("Applying " + which + " failed: " + e.getMessage(), script, e);
        } catch (FlywayException e) {
            throw new MigrationFailedException("Flyway could not migrate the database with the scripts in " + LOCATION
                    + ": " + e.getMessage(), null, e);
        }
    }

    /** The Flyway instance {@link #migrate} uses, for callers that want {@code info()} or {@code validate()}. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .validateOnMigrate(true)
                .validateMigrationNaming(true)
                // Never let a misconfigured environment wipe a trading database.
                .cleanDisabled(true)
                .load();
    }

    private static List<String> mismatchedScripts(Flyway flyway) {
        try {
            return flyway.validateWithResult().invalidMigrations.stream()
                    .map(invalid -> invalid.filepath == null || invalid.filepath.isBlank()
                            ? "version " + invalid.version + " (" + invalid.description + ")"
                            : invalid.filepath.substring(invalid.filepath.lastIndexOf('/') + 1))
                    .toList();
        } catch (FlywayException e) {
            return List.of();
        }
    }
}
