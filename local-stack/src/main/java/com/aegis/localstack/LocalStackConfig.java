package com.aegis.localstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the local stack keeps its data and which ports it listens on. A port of 0 means "pick a free port at start";
 * {@link LocalStack} then reports the port it chose.
 *
 * @param dataDir      parent of the components' data directories ({@code postgres/}, {@code redis/})
 * @param host         loopback address the components bind to and clients use
 * @param temporalPort Temporal gRPC port
 * @param postgresPort PostgreSQL port
 * @param redisPort    Redis port
 * @param kafkaPort    Kafka broker port
 * @param database     PostgreSQL database created for AEGIS
 * @param user         PostgreSQL role owning that database
 * @param password     that role's password
 * @param kafkaTopics  topics created at start, name to partition count
 */
public record LocalStackConfig(Path dataDir, String host, int temporalPort, int postgresPort, int redisPort,
                               int kafkaPort, String database, String user, String password,
                               Map<String, Integer> kafkaTopics) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_TEMPORAL_PORT = 7233;
    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_REDIS_PORT = 6379;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final String DEFAULT_DATABASE = "aegis";
    public static final String DEFAULT_USER = "aegis";
    public static final String DEFAULT_PASSWORD = "aegis";

    /** PostgreSQL identifiers we create; kept simple so they never need quoting rules explained to anyone. */
    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public LocalStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(kafkaTopics, "kafkaTopics");
        requirePort(temporalPort, Settings.TEMPORAL_PORT);
        requirePort(postgresPort, Settings.POSTGRES_PORT);
        requirePort(redisPort, Settings.REDIS_PORT);
        requirePort(kafkaPort, Settings.KAFKA_PORT);
        if (host.isBlank()) {
            throw new IllegalArgumentException("The host is empty. Set " + Settings.describe(Settings.HOST)
                    + " to a loopback address such as 127.0.0.1.");
        }
        requireIdentifier(database, Settings.DATABASE);
        requireIdentifier(user, Settings.USER);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("The PostgreSQL password is empty. Set "
                    + Settings.describe(Settings.PASSWORD) + ".");
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        kafkaTopics.forEach((topic, partitions) -> {
            if (topic == null || !TOPIC_NAME.matcher(topic).matches()) {
                throw new IllegalArgumentException("Kafka topic name '" + topic + "' is not valid (letters, digits,"
                        + " '.', '_', '-'). Check " + Settings.describe(Settings.KAFKA_TOPICS) + ".");
            }
            if (partitions == null || partitions < 1) {
                throw new IllegalArgumentException("Kafka topic " + topic + " needs at least 1 partition, got "
                        + partitions + ". Check " + Settings.describe(Settings.KAFKA_TOPICS) + ".");
            }
            topics.put(topic, partitions);
        });
        kafkaTopics = Collections.unmodifiableMap(topics);
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The fixed local ports (7233/5432/6379/9092) on 127.0.0.1, data under {@code ${aegis.home:-~/.aegis}/data}. */
    public static LocalStackConfig defaults() {
        return new LocalStackConfig(defaultDataDir(), DEFAULT_HOST, DEFAULT_TEMPORAL_PORT, DEFAULT_POSTGRES_PORT,
                DEFAULT_REDIS_PORT, DEFAULT_KAFKA_PORT, DEFAULT_DATABASE, DEFAULT_USER, DEFAULT_PASSWORD,
                KafkaTopics.DEFAULT_PARTITION_COUNTS);
    }

    /** Free ports chosen at start and data under {@code dataDir}: for tests that must not touch the default ports. */
    public static LocalStackConfig ephemeral(Path dataDir) {
        return defaults().withDataDir(dataDir).withTemporalPort(0).withPostgresPort(0).withRedisPort(0)
                .withKafkaPort(0);
    }

    /**
     * {@link #defaults()} overridden by the {@code aegis.local.*} system properties, then by the matching
     * {@code AEGIS_LOCAL_*} environment variables (the environment wins, as in Spring Boot).
     */
    public static LocalStackConfig fromEnvironment() {
        return fromSettings(name -> {
            String fromEnvironment = System.getenv(Settings.environmentName(name));
            return fromEnvironment != null ? fromEnvironment : System.getProperty(name);
        });
    }

    /** {@link #defaults()} overridden by whatever {@code lookup} returns for each {@code aegis.local.*} name. */
    public static LocalStackConfig fromSettings(UnaryOperator<String> lookup) {
        LocalStackConfig config = defaults();
        String dataDir = lookup.apply(Settings.DATA_DIR);
        if (dataDir != null && !dataDir.isBlank()) {
            config = config.withDataDir(Path.of(expandHome(dataDir.trim())));
        }
        String host = lookup.apply(Settings.HOST);
        if (host != null && !host.isBlank()) {
            config = config.withHost(host.trim());
        }
        config = config.withTemporalPort(port(lookup, Settings.TEMPORAL_PORT, config.temporalPort()))
                .withPostgresPort(port(lookup, Settings.POSTGRES_PORT, config.postgresPort()))
                .withRedisPort(port(lookup, Settings.REDIS_PORT, config.redisPort()))
                .withKafkaPort(port(lookup, Settings.KAFKA_PORT, config.kafkaPort()));
        String database = lookup.apply(Settings.DATABASE);
        if (database != null && !database.isBlank()) {
            config = config.withDatabase(database.trim());
        }
        String user = lookup.apply(Settings.USER);
        if (user != null && !user.isBlank()) {
            config = config.withUser(user.trim());
        }
        String password = lookup.apply(Settings.PASSWORD);
        if (password != null && !password.isEmpty()) {
            config = config.withPassword(password);
        }
        return config;
    }

    public LocalStackConfig withDataDir(Path dataDir) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withHost(String host) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withTemporalPort(int temporalPort) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withPostgresPort(int postgresPort) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withRedisPort(int redisPort) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withKafkaPort(int kafkaPort) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withDatabase(String database) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withUser(String user) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withPassword(String password) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    public LocalStackConfig withKafkaTopics(Map<String, Integer> kafkaTopics) {
        return new LocalStackConfig(dataDir, host, temporalPort, postgresPort, redisPort, kafkaPort, database, user,
                password, kafkaTopics);
    }

    /** PostgreSQL's data directory; kept across restarts. */
    public Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    /** Redis's working directory (its RDB snapshot). */
    public Path redisDataDir() {
        return dataDir.resolve("redis");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LocalStackConfig[dataDir=" + dataDir + ", host=" + host + ", temporalPort=" + temporalPort
                + ", postgresPort=" + postgresPort + ", redisPort=" + redisPort + ", kafkaPort=" + kafkaPort
                + ", database=" + database + ", user=" + user + ", password=****, kafkaTopics=" + kafkaTopics + "]";
    }

    static Path defaultDataDir() {
        String home = System.getProperty(Settings.AEGIS_HOME);
        if (home == null || home.isBlank()) {
            home = System.getenv(Settings.environmentName(Settings.AEGIS_HOME));
        }
        if (home == null || home.isBlank()) {
            home = Path.of(System.getProperty("user.home"), ".aegis").toString();
        }
        return Path.of(expandHome(home.trim())).resolve("data");
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    private static int port(UnaryOperator<String> lookup, String setting, int fallback) {
        String value = lookup.apply(setting);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a port number. Set "
                    + Settings.describe(setting) + " to a number between 1 and 65535.", e);
        }
    }

    private static void requirePort(int port, String setting) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range. Set " + Settings.describe(setting)
                    + " to a number between 1 and 65535 (0 picks a free port).");
        }
    }

    private static void requireIdentifier(String name, String setting) {
        if (!SQL_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a usable PostgreSQL name (lower-case letters,"
                    + " digits and '_', starting with a letter or '_'). Check " + Settings.describe(setting) + ".");
        }
    }
}
