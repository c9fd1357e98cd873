package com.aegis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The workers application run as a child process of the CLI ({@code aegis up}, {@code aegis demo}): started from its
 * executable jar, awaited until its health endpoint reports every component up, and stopped with SIGTERM so it
 * shuts down gracefully (workers first, then the embedded stack).
 */
public final class WorkersProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String workersUrl;
    private final Optional<Path> log;

    private WorkersProcess(Process process, String workersUrl, Optional<Path> log) {
        this.process = process;
        this.workersUrl = workersUrl;
        this.log = log;
    }

    /**
     * Starts the workers jar with the given Spring arguments. With a log file, the child's output goes there; without,
     * it shares this terminal.
     */
    public static WorkersProcess start(CliSettings settings, List<String> springArgs, Optional<Path> logFile)
            throws IOException {
        Path jar = settings.workersJar().filter(Files::isRegularFile).orElseThrow(() -> new CliException(
                "The workers application jar was not found. Build it with './mvnw -DskipTests package' "
                        + "(the ./aegis launcher does this on first use) or set AEGIS_WORKERS_JAR."));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("AEGIS_WORKERS_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.add("-Daegis.home=" + settings.home());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(springArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (logFile.isPresent()) {
            Files.createDirectories(logFile.get().getParent());
            builder.redirectErrorStream(true).redirectOutput(logFile.get().toFile());
        } else {
            builder.inheritIO();
        }
        return new WorkersProcess(builder.start(), settings.workersUrl(), logFile);
    }

    /** Waits until every component reports UP; fails early with the child's last log lines if it exits. */
    public JsonNode awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new CliException("The workers application exited with code " + process.exitValue()
                        + " before becoming healthy." + logTail());
            }
            Optional<JsonNode> health = fetchHealth(workersUrl);
            if (health.isPresent()) {
                last = health.get();
                if ("UP".equals(last.path("status").asText())) {
                    return last;
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new CliException("The workers application did not become healthy within " + timeout.toSeconds()
                + " s" + (last == null ? "" : "; last health: " + last) + "." + logTail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGTERM, then up to 60 s for a graceful shutdown, then a forced stop. Returns the exit code. */
    public int stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public long pid() {
        return process.pid();
    }

    /** The workers' health document, or empty when they do not answer. */
    public static Optional<JsonNode> fetchHealth(String workersUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(workersUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            // 503 still carries the per-component document when something is down.
            return Optional.of(JSON.readTree(response.body()));
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String logTail() {
        if (log.isEmpty() || !Files.isRegularFile(log.get())) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log.get());
            List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return "\nLast lines of " + log.get() + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return " (log at " + log.get() + ")";
        }
    }
}
