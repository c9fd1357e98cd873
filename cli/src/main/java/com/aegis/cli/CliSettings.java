package com.aegis.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the CLI finds the running system: every setting comes from a system property or an environment variable, with
 * defaults that match the local stack.
 */
public record CliSettings(String temporalTarget, String namespace, String workersUrl, Path home,
                          Optional<Path> workersJar, String jdbcUrl, String jdbcUser, String jdbcPassword) {

    public static CliSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
    }

    static CliSettings from(Map<String, String> env, Map<String, String> props) {
        Path home = Path.of(first(props.get("aegis.home"), env.get("AEGIS_HOME"),
                System.getProperty("user.home") + File.separator + ".aegis"));
        String httpPort = first(env.get("AEGIS_HTTP_PORT"), "8080");
        String pgPort = first(env.get("AEGIS_LOCAL_POSTGRES_PORT"), "5432");
        return new CliSettings(
                first(props.get("aegis.temporal.target"), env.get("AEGIS_TEMPORAL_TARGET"),
                        "127.0.0.1:" + first(env.get("AEGIS_LOCAL_TEMPORAL_PORT"), "7233")),
                first(props.get("aegis.temporal.namespace"), env.get("AEGIS_TEMPORAL_NAMESPACE"), "default"),
                first(props.get("aegis.workers.url"), env.get("AEGIS_WORKERS_URL"), "http://127.0.0.1:" + httpPort),
                home,
                Optional.ofNullable(first(props.get("aegis.workers.jar"), env.get("AEGIS_WORKERS_JAR"), null))
                        .map(Path::of).or(CliSettings::workersJarBesideThisOne),
                first(props.get("aegis.postgres.url"), env.get("AEGIS_POSTGRES_URL"),
                        "jdbc:postgresql://127.0.0.1:" + pgPort + "/aegis"),
                first(env.get("AEGIS_POSTGRES_USER"), "aegis"),
                first(env.get("AEGIS_POSTGRES_PASSWORD"), "aegis"));
    }

    /** The workers' PostgreSQL (the local stack's by default), for commands that read or load market data. */
    public javax.sql.DataSource dataSource() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(jdbcUser);
        dataSource.setPassword(jdbcPassword);
        return dataSource;
    }

    /** In a source checkout the workers jar sits in {@code workers/target} next to {@code cli/target}. */
    private static Optional<Path> workersJarBesideThisOne() {
        try {
            Path self = Path.of(CliSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = self.getParent() != null && self.getParent().getParent() != null
                    ? self.getParent().getParent().getParent() : null;
            if (root == null) {
                return Optional.empty();
            }
            Path target = root.resolve("workers").resolve("target");
            if (!Files.isDirectory(target)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(p -> p.getFileName().toString().matches("aegis-workers-.*-exec\\.jar")).findFirst();
            }
        } catch (URISyntaxException | java.io.IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null && !(candidate instanceof String s && s.isBlank())) {
                return candidate;
            }
        }
        return null;
    }
}
