package com.aegis.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./aegis} launcher as an operator would, on ports of its own. */
final class LauncherProcess {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    final Map<String, String> env = new HashMap<>();
    final int httpPort;
    final int temporalPort;

    LauncherProcess(Path home) throws IOException {
        java.util.Iterator<Integer> ports = distinctFreePorts(11).iterator();
        httpPort = ports.next();
        temporalPort = ports.next();
        env.put("AEGIS_SKIP_BUILD", "1");
        env.put("AEGIS_HOME", home.toString());
        env.put("AEGIS_HTTP_PORT", Integer.toString(httpPort));
        env.put("AEGIS_LOCAL_TEMPORAL_PORT", Integer.toString(temporalPort));
        env.put("AEGIS_LOCAL_POSTGRES_PORT", Integer.toString(ports.next()));
        env.put("AEGIS_LOCAL_REDIS_PORT", Integer.toString(ports.next()));
        env.put("AEGIS_LOCAL_KAFKA_PORT", Integer.toString(ports.next()));
        for (String sim : new String[] {"KIS_REST", "KIS_WS", "KRX", "DART", "YAHOO"}) {
            env.put("AEGIS_SIM_" + sim + "_PORT", Integer.toString(ports.next()));
        }
    }

    String workersUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Process start(Path output, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(REPOSITORY.resolve("aegis").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs a command to completion and returns its exit code and output. */
    Result run(Path workDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "aegis-", ".out");
        Process process = start(output, args);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aegis " + String.join(" ", args) + " did not finish within " + timeoutSeconds
                    + " s; output so far:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    record Result(int exitCode, String output) {
    }

    /** Distinct free ports: every socket stays bound until all are chosen, so no port is handed out twice. */
    static List<Integer> distinctFreePorts(int count) throws IOException {
        List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
