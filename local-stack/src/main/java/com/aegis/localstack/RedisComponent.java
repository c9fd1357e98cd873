package com.aegis.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis from codemonstur's embedded-redis (it ships the redis-server binary). Bound to the configured loopback
 * address; its working directory, and so its RDB snapshot, lives under the data folder.
 */
final class RedisComponent implements EmbeddedComponent {

    static final String NAME = "Redis";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final int START_ATTEMPTS = 5;
    private static File executable;

    private final String host;
    private final int port;
    private final Path workingDir;
    private volatile RedisServer server;
    private volatile String version = "unknown";

    RedisComponent(String host, int port, Path workingDir) {
        this.host = host;
        this.port = port;
        this.workingDir = workingDir;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return host + ":" + port;
    }

    String uri() {
        return "redis://" + host + ":" + port;
    }

    @Override
    public void start() {
        Ports.requireFree(NAME, host, host, port, Settings.REDIS_PORT);
        try {
            Files.createDirectories(workingDir);
        } catch (IOException e) {
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": cannot create the working"
                    + " directory " + workingDir + " (" + Failures.rootMessage(e) + "). Set "
                    + Settings.describe(Settings.DATA_DIR) + " to a writable folder.", e);
        }
        for (int attempt = 1; server == null; attempt++) {
            try {
                server = startServer();
            } catch (IOException | RuntimeException e) {
                if (attempt < START_ATTEMPTS && Failures.isTextFileBusy(e)) {
                    Failures.pauseBeforeRetry(NAME, attempt);
                    continue;
                }
                throw new LocalStackException("Cannot start " + NAME + " on " + address() + " in " + workingDir
                        + ": " + Failures.rootMessage(e) + ". Check " + Settings.describe(Settings.REDIS_PORT)
                        + " and " + Settings.describe(Settings.DATA_DIR) + ".", e);
            }
        }
        try {
            String reported = RedisWire.infoField(RedisWire.call(host, port, PROBE_TIMEOUT, "INFO", "server"),
                    "redis_version");
            version = reported == null ? "unknown" : reported;
        } catch (IOException e) {
            stop();
            throw new LocalStackException("Cannot start " + NAME + " on " + address() + ": it started but does not"
                    + " answer (" + Failures.rootMessage(e) + "). Set " + Settings.describe(Settings.REDIS_PORT)
                    + " to another free port.", e);
        }
    }

    /**
     * Extracts redis-server from the jar once per JVM. {@link LocalStack} calls this before the parallel start, so no
     * binary is being written while another component forks a process.
     */
    static synchronized File executable() throws IOException {
        if (executable == null || !executable.canExecute()) {
            executable = ExecutableProvider.newJarResourceProvider().get();
        }
        return executable;
    }

    private RedisServer startServer() throws IOException {
        File binary = executable();
        RedisServer redis = RedisServer.newRedisServer()
                .executableProvider(() -> binary)
                .port(port)
                .bind(host)
                .setting("dir \"" + workingDir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .setting("daemonize no")
                .setting("protected-mode yes")
                .setting("appendonly no")
                .build();
        redis.start();
        return redis;
    }


    @Override
    public ComponentStatus status() {
        if (server == null) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version, "not running");
        }
        try {
            String reply = RedisWire.call(host, port, PROBE_TIMEOUT, "PING");
            if (!"PONG".equals(reply)) {
                return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version,
                        "PING answered '" + reply + "'");
            }
            return new ComponentStatus(NAME, address(), ComponentStatus.State.UP, version, "data " + workingDir);
        } catch (IOException e) {
            return new ComponentStatus(NAME, address(), ComponentStatus.State.DOWN, version,
                    "PING failed: " + Failures.rootMessage(e));
        }
    }

    @Override
    public void stop() {
        RedisServer running = server;
        server = null;
        if (running != null) {
            try {
                running.stop();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Stopping " + NAME + " on " + address() + " failed", e);
            }
        }
    }
}
