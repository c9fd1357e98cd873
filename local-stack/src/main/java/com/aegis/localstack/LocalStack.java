package com.aegis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Temporal, PostgreSQL, Redis and Kafka of a local run, started together and stopped together.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackConfig.defaults())) {
 *     WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()) ...
 * }
 * }</pre>
 *
 * The four components start in parallel threads (they share nothing); every port is bind-tested first, so a port
 * already in use is reported before anything starts. A JVM shutdown hook stops whatever is still running, so no
 * PostgreSQL or Redis process outlives the JVM.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Object SHARED_LOCK = new Object();
    private static LocalStack shared;

    private final LocalStackConfig config;
    private final TemporalComponent temporal;
    private final PostgresComponent postgres;
    private final RedisComponent redis;
    private final KafkaComponent kafka;
    /** Start order; {@link #close()} walks it backwards. */
    private final List<EmbeddedComponent> components;
    private final Map<String, Duration> startupTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Duration totalStartupTime = Duration.ZERO;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile Runnable afterClose = () -> { };
    /** The per-JVM test stack ignores close() from tests; only its shutdown hook stops it. */
    private volatile boolean sharedByTests;

    private LocalStack(LocalStackConfig config) {
        this.config = config;
        this.temporal = new TemporalComponent(config.host(), config.temporalPort());
        this.postgres = new PostgresComponent(config.host(), config.postgresPort(), config.postgresDataDir(),
                config.database(), config.user(), config.password());
        this.redis = new RedisComponent(config.host(), config.redisPort(), config.redisDataDir());
        this.kafka = new KafkaComponent(config.host(), config.kafkaPort(), config.kafkaTopics());
        this.components = List.of(temporal, postgres, redis, kafka);
        this.shutdownHook = new Thread(this::close, "local-stack-shutdown");
    }

    /**
     * Starts all four components and returns once each one answers.
     *
     * @throws LocalStackException naming the component, its address and the setting to change; components already
     *                             started are stopped again before it is thrown
     */
    public static LocalStack start(LocalStackConfig config) {
        LocalStackConfig resolved = withFreePorts(config);
        LocalStack stack = new LocalStack(resolved);
        stack.startAll();
        return stack;
    }

    /**
     * One stack per JVM for integration tests: free ports, a temporary data directory, stopped and deleted by a
     * shutdown hook. Every test class in the JVM gets the same instance; {@link #close()} on it does nothing, so a
     * test that uses try-with-resources cannot take the stack away from the tests that run after it.
     */
    public static LocalStack sharedForTests() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                Path dataDir;
                try {
                    dataDir = Files.createTempDirectory("aegis-local-stack-");
                } catch (IOException e) {
                    throw new LocalStackException("Cannot create a temporary data directory for the test stack ("
                            + e.getMessage() + "). Set java.io.tmpdir to a writable folder.", e);
                }
                LocalStack stack;
                try {
                    stack = start(LocalStackConfig.ephemeral(dataDir));
                } catch (RuntimeException e) {
                    deleteQuietly(dataDir);
                    throw e;
                }
                stack.afterClose = () -> deleteQuietly(dataDir);
                stack.sharedByTests = true;
                shared = stack;
            }
            return shared;
        }
    }

    /** The configuration with every port resolved (no zeros). */
    public LocalStackConfig config() {
        return config;
    }

    /** Temporal gRPC target, e.g. "127.0.0.1:7233"; namespace "default". */
    public String temporalTarget() {
        return temporal.address();
    }

    /** Namespace the test server serves; it accepts any name, AEGIS uses this one. */
    public String temporalNamespace() {
        return TemporalComponent.NAMESPACE;
    }

    /** e.g. "jdbc:postgresql://127.0.0.1:5432/aegis". */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String jdbcUser() {
        return config.user();
    }

    public String jdbcPassword() {
        return config.password();
    }

    /** A new, unpooled connection per {@code getConnection()}; wrap it in a pool for anything busy. */
    public DataSource dataSource() {
        return postgres.dataSource();
    }

    /** e.g. "redis://127.0.0.1:6379". */
    public String redisUri() {
        return redis.uri();
    }

    /** e.g. "127.0.0.1:9092". */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Asks each component a question now; one entry per component, in start order. */
    public List<ComponentStatus> status() {
        List<ComponentStatus> statuses = new ArrayList<>(components.size());
        for (EmbeddedComponent component : components) {
            statuses.add(component.status());
        }
        return statuses;
    }

    /** How long each component took to start (component name to duration), measured in its own thread. */
    public Map<String, Duration> startupTimes() {
        synchronized (startupTimes) {
            return Map.copyOf(startupTimes);
        }
    }

    /** Wall-clock time from the call to {@link #start} until every component answered. */
    public Duration totalStartupTime() {
        return totalStartupTime;
    }

    /** Stops Kafka, Redis, PostgreSQL, then Temporal. Idempotent. */
    @Override
    public void close() {
        if (sharedByTests && Thread.currentThread() != shutdownHook) {
            return;
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        long begin = System.nanoTime();
        List<EmbeddedComponent> reverse = new ArrayList<>(components);
        Collections.reverse(reverse);
        for (EmbeddedComponent component : reverse) {
            try {
                component.stop();
            } catch (RuntimeException e) {
                log.warn("Stopping {} on {} failed: {}", component.name(), component.address(),
                        Failures.rootMessage(e));
            }
        }
        afterClose.run();
        log.info("Local stack stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private void startAll() {
        long begin = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // Check every port before starting anything, so a taken port costs nothing and leaves nothing behind.
        requirePortsFree();
        prepareBinaries();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService starters = Executors.newFixedThreadPool(components.size(), runnable -> {
            Thread thread = new Thread(runnable, "local-stack-start-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (EmbeddedComponent component : components) {
                starts.add(CompletableFuture.runAsync(() -> startTimed(component), starters));
            }
            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Void> start : starts) {
                try {
                    start.join();
                } catch (CompletionException e) {
                    failures.add(e.getCause() == null ? e : e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                close();
                throw startFailure(failures);
            }
        } finally {
            starters.shutdownNow();
        }
        totalStartupTime = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Local stack up in {} ms ({}): Temporal {}, PostgreSQL {}, Redis {}, Kafka {}, data {}",
                totalStartupTime.toMillis(), describeStartupTimes(), temporalTarget(), jdbcUrl(), redisUri(),
                kafkaBootstrapServers(), config.dataDir());
    }

    private void requirePortsFree() {
        try {
            Ports.requireFree(TemporalComponent.NAME, null, config.host(), config.temporalPort(),
                    Settings.TEMPORAL_PORT);
            Ports.requireFree(PostgresComponent.NAME, config.host(), config.host(), config.postgresPort(),
                    Settings.POSTGRES_PORT);
            Ports.requireFree(RedisComponent.NAME, config.host(), config.host(), config.redisPort(),
                    Settings.REDIS_PORT);
            Ports.requireFree(KafkaComponent.NAME, config.host(), config.host(), config.kafkaPort(),
                    Settings.KAFKA_PORT);
        } catch (LocalStackException e) {
            closed.set(true);
            removeShutdownHook();
            throw e;
        }
    }

    /** Extracted before the parallel start: a binary being written while another thread forks makes exec fail. */
    private void prepareBinaries() {
        try {
            RedisComponent.executable();
        } catch (IOException | RuntimeException e) {
            closed.set(true);
            removeShutdownHook();
            throw new LocalStackException("Cannot start " + RedisComponent.NAME + " on " + redis.address()
                    + ": extracting redis-server failed (" + Failures.rootMessage(e) + "). Set java.io.tmpdir to a"
                    + " writable folder that allows executables.", e);
        }
    }

    private void startTimed(EmbeddedComponent component) {
        long begin = System.nanoTime();
        component.start();
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        startupTimes.put(component.name(), took);
        log.info("{} up on {} in {} ms", component.name(), component.address(), took.toMillis());
    }

    private String describeStartupTimes() {
        StringBuilder text = new StringBuilder();
        for (EmbeddedComponent component : components) {
            Duration took = startupTimes.get(component.name());
            if (took != null) {
                text.append(text.length() == 0 ? "" : ", ").append(component.name()).append(' ')
                        .append(took.toMillis()).append(" ms");
            }
        }
        return text.toString();
    }

    private static LocalStackException startFailure(List<Throwable> failures) {
        Throwable first = failures.get(0);
        LocalStackException failure = first instanceof LocalStackException localStackException
                ? localStackException
                : new LocalStackException("The local stack failed to start: " + Failures.rootMessage(first), first);
        for (Throwable other : failures.subList(1, failures.size())) {
            failure.addSuppressed(other);
        }
        return failure;
    }

    /**
     * For an owner that stops the stack itself when the JVM exits, after the application that uses it: removes the
     * stack's own shutdown hook, which would otherwise run at the same time as the application's and pull the
     * services from under it. The owner must call {@link #close()} from its own hook.
     */
    public void handOverShutdown() {
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNeverAdded) {
            // The JVM is exiting and our hook is running or queued; it does the stopping.
        }
    }

    private static LocalStackConfig withFreePorts(LocalStackConfig config) {
        Set<Integer> taken = new HashSet<>();
        for (int port : new int[] {config.temporalPort(), config.postgresPort(), config.redisPort(),
                config.kafkaPort()}) {
            if (port != 0 && !taken.add(port)) {
                throw new LocalStackException("Port " + port + " is configured for two components. Give each of "
                        + Settings.describe(Settings.TEMPORAL_PORT) + ", " + Settings.describe(Settings.POSTGRES_PORT)
                        + ", " + Settings.describe(Settings.REDIS_PORT) + " and "
                        + Settings.describe(Settings.KAFKA_PORT) + " its own port.");
            }
        }
        LocalStackConfig resolved = config;
        if (resolved.temporalPort() == 0) {
            resolved = resolved.withTemporalPort(pick(config.host(), taken));
        }
        if (resolved.postgresPort() == 0) {
            resolved = resolved.withPostgresPort(pick(config.host(), taken));
        }
        if (resolved.redisPort() == 0) {
            resolved = resolved.withRedisPort(pick(config.host(), taken));
        }
        if (resolved.kafkaPort() == 0) {
            resolved = resolved.withKafkaPort(pick(config.host(), taken));
        }
        return resolved;
    }

    private static int pick(String host, Set<Integer> taken) {
        int port = Ports.pickFree(host, taken);
        taken.add(port);
        return port;
    }

    private static void deleteQuietly(Path directory) {
        try {
            if (!Files.exists(directory)) {
                return;
            }
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the test stack's data directory {}: {}", directory, e.getMessage());
        }
    }
}
