package com.aegis.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL from zonky's embedded binaries (the version the root pom's binaries BOM pins). The data directory is kept
 * across restarts: initdb runs only when it is empty. The AEGIS role logs in with its password (scram-sha-256), like
 * in production; only the {@code postgres} superuser is trusted, and only over loopback, to create that role.
 */
final class PostgresComponent implements EmbeddedComponent {

    static final String NAME = "PostgreSQL";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final int PROBE_TIMEOUT_SECONDS = 3;
    private static final int START_ATTEMPTS = 5;

    private final String host;
    private final int port;
    private final Path dataDir;
    private final String database;
    private final String user;
    private final String password;
    private volatile EmbeddedPostgres postgres;
    private volatile String version = "unknown";

    PostgresComponent(String host, int port, Path dataDir, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return host + ":" + port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName("aegis");
        return dataSource;
    }

    @Override
    public void start() {
        Ports.requireFree(NAME, host, host, port, Settings.POSTGRES_PORT);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": cannot create the data"
                    + " directory " + dataDir + " (" + Failures.rootMessage(e) + "). Set "
                    + Settings.describe(Settings.DATA_DIR) + " to a writable folder.", e);
        }
        for (int attempt = 1; postgres == null; attempt++) {
            try {
                postgres = startServer();
            } catch (IOException | RuntimeException e) {
                if (attempt < START_ATTEMPTS && Failures.isTextFileBusy(e)) {
                    Failures.pauseBeforeRetry(NAME, attempt);
                    continue;
                }
                throw startFailure(e);
            }
        }
        try {
            ensureRoleAndDatabase();
            version = queryVersion();
        } catch (SQLException e) {
            stop();
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": creating role " + user
                    + " and database " + database + " failed (" + e.getMessage() + "). Check "
                    + Settings.describe(Settings.DATABASE) + " and " + Settings.describe(Settings.USER)
                    + ", or move " + Settings.describe(Settings.DATA_DIR) + " to start from an empty data directory.",
                    e);
        }
    }

    private EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", host)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(PostgresComponent::writeClientAuthentication)
                .start();
    }


    private LocalStackException startFailure(Exception e) {
        String reason = Failures.rootMessage(e);
        if (reason.contains("could not lock")) {
            return new LocalStackException("Cannot start " + NAME + " on " + address() + ": the data directory "
                    + dataDir + " is in use by another running local stack. Stop it, or set "
                    + Settings.describe(Settings.DATA_DIR) + " to another folder.", e);
        }
        return new LocalStackException("Cannot start " + NAME + " on " + address() + " with data directory " + dataDir
                + ": " + reason + ". Check " + Settings.describe(Settings.DATA_DIR) + " and "
                + Settings.describe(Settings.POSTGRES_PORT) + "; the server log above says more.", e);
    }

    /** Rewritten at every start, so a data directory made by an older build gets the same rules. */
    private static void writeClientAuthentication(File dataDirectory) {
        String rules = String.join("\n",
                "# Written by the AEGIS local stack at every start; edits are overwritten.",
                "# TYPE  DATABASE  USER      ADDRESS        METHOD",
                "local   all       postgres                 trust",
                "host    all       postgres  127.0.0.1/32   trust",
                "host    all       postgres  ::1/128        trust",
                "local   all       all                      scram-sha-256",
                "host    all       all       all            scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDirectory, e);
        }
    }

    /** Idempotent: a restart on the same data directory re-applies the configured password and keeps the data. */
    private void ensureRoleAndDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            boolean roleExists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, user);
                try (ResultSet rows = query.executeQuery()) {
                    roleExists = rows.next();
                }
            }
            // Names are validated as plain identifiers by LocalStackConfig; the password is escaped as a literal.
            String passwordLiteral = "'" + password.replace("'", "''") + "'";
            statement.execute((roleExists ? "alter role " : "create role ") + user
                    + " with login createdb password " + passwordLiteral);
            boolean databaseExists;
            try (PreparedStatement query = connection.prepareStatement(
                    "select 1 from pg_database where datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    databaseExists = rows.next();
                }
            }
            if (!databaseExists) {
                statement.execute("create database " + database + " owner " + user + " encoding 'UTF8'");
            }
        }
    }

    private String queryVersion() throws SQLException {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public ComponentStatus status() {
        if (postgres == null) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version, "not running");
        }
        PGSimpleDataSource probe = (PGSimpleDataSource) dataSource();
        probe.setConnectTimeout(PROBE_TIMEOUT_SECONDS);
        probe.setSocketTimeout(PROBE_TIMEOUT_SECONDS);
        probe.setLoginTimeout(PROBE_TIMEOUT_SECONDS);
        try (Connection connection = probe.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            return new ComponentStatus(NAME, address(), ComponentStatus.State.UP, version,
                    "database " + database + " as " + user + ", data " + dataDir);
        } catch (SQLException e) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version,
                    "query failed: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Stopping " + NAME + " on " + address() + " failed", e);
            }
        }
    }
}
