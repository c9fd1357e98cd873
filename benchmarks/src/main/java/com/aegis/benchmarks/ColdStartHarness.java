package com.aegis.benchmarks;

import com.aegis.cli.CliSettings;
import com.aegis.cli.WorkersProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cold start of the workers on the embedded stack ({@code aegis up}): wall time from process start to every component
 * healthy, and resident memory afterwards (the JVM plus the embedded PostgreSQL and Redis processes it started).
 * Measured twice per round: first start on an empty data directory (initdb included) and a restart on the same data.
 * Baseline measured in the same run: a bare JVM start ({@code java -version}).
 *
 * <pre>java -cp benchmarks/target/aegis-benchmarks-*-jar-with-dependencies.jar com.aegis.benchmarks.ColdStartHarness [runs] [workers-jar]</pre>
 */
public final class ColdStartHarness {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(args.length > 1 ? args[1] : findWorkersJar());
        System.out.printf("machine: %d cores, %s; workers jar %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jar.getFileName());

        List<Double> jvmBaseline = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        List<Long> rssKb = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            jvmBaseline.add(bareJvmStart());
            Path home = Files.createTempDirectory("aegis-coldstart-");
            Sample a = startOnce(jar, home);
            Sample b = startOnce(jar, home);
            first.add(a.seconds);
            restart.add(b.seconds);
            rssKb.add(b.rssKb);
            System.out.printf("run %d: bare JVM %.2f s | first start %.1f s | restart %.1f s | RSS %d MiB (JVM %d + children %d)%n",
                    i, jvmBaseline.get(i - 1), a.seconds, b.seconds, b.rssKb / 1024, b.jvmRssKb / 1024,
                    (b.rssKb - b.jvmRssKb) / 1024);
        }
        System.out.printf("%nmedian of %d: bare JVM %.2f s, first start (empty data dir) %.1f s, restart %.1f s "
                        + "(%.0fx the bare JVM), RSS after start %d MiB%n",
                runs, median(jvmBaseline), median(first), median(restart), median(restart) / median(jvmBaseline),
                (long) median(rssKb.stream().map(Long::doubleValue).toList()) / 1024);
    }

    private record Sample(double seconds, long rssKb, long jvmRssKb) {
    }

    private static Sample startOnce(Path jar, Path home) throws Exception {
        int[] ports = freePorts(10);
        int httpPort = ports[0];
        CliSettings defaults = CliSettings.fromEnvironment();
        CliSettings settings = new CliSettings(defaults.temporalTarget(), defaults.namespace(),
                "http://127.0.0.1:" + httpPort, home, Optional.of(jar), defaults.jdbcUrl(),
                defaults.jdbcUser(), defaults.jdbcPassword());
        List<String> springArgs = List.of("--spring.profiles.active=local", "--server.port=" + httpPort,
                "--aegis.local.temporal-port=" + ports[1], "--aegis.local.postgres-port=" + ports[2],
                "--aegis.local.redis-port=" + ports[3], "--aegis.local.kafka-port=" + ports[4],
                "--aegis.sim.kis-rest-port=" + ports[5], "--aegis.sim.kis-ws-port=" + ports[6],
                "--aegis.sim.krx-port=" + ports[7], "--aegis.sim.dart-port=" + ports[8],
                "--aegis.sim.yahoo-port=" + ports[9]);
        long started = System.nanoTime();
        try (WorkersProcess workers = WorkersProcess.start(settings, springArgs, Optional.of(home.resolve("workers.log")))) {
            workers.awaitHealthy(Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - started) / 1e9;
            long jvm = rssKb(workers.pid());
            long total = jvm + descendants(workers.pid()).stream().mapToLong(ColdStartHarness::rssKb).sum();
            workers.stop();
            return new Sample(seconds, total, jvm);
        }
    }

    private static double bareJvmStart() throws Exception {
        long started = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return (System.nanoTime() - started) / 1e9;
    }

    private static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(h -> h.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Distinct free ports: every socket stays bound until all are chosen, so no port is handed out twice. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a socket that will not close still frees its port when the harness exits
                }
            }
        }
    }

    private static String findWorkersJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workers", "target"))) {
            return files.map(Path::toString).filter(n -> n.endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the workers first: ./mvnw -DskipTests package"));
        }
    }
}
