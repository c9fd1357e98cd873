package com.aegis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code aegis up}: starts the embedded stack and the workers in the foreground and stays up until interrupted
 * (Ctrl-C stops the workers gracefully, then the stack).
 */
@Command(name = "up", description = "Start everything locally (embedded stack + workers) and stay up until Ctrl-C.")
public class UpCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "local",
            description = "Spring profile: local (embedded stack, default) or prod (external services from AEGIS_* variables).")
    String profile;

    @Option(names = "--startup-timeout", defaultValue = "PT3M", description = "How long to wait for health (default ${DEFAULT-VALUE}).")
    Duration startupTimeout;

    @Override
    public Integer call() throws Exception {
        CliSettings settings = CliSettings.fromEnvironment();
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profile));
        long started = System.nanoTime();
        WorkersProcess workers = WorkersProcess.start(settings, args, Optional.empty());
        Thread stopper = new Thread(() -> {
            try {
                workers.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aegis-up-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            workers.awaitHealthy(startupTimeout);
        } catch (CliException e) {
            workers.stop();
            throw e;
        }
        System.out.printf("%nAEGIS is up in %.1f s (workers pid %d). Ctrl-C stops it.%n",
                (System.nanoTime() - started) / 1e9, workers.pid());
        StatusCommand.print(settings, WorkersProcess.fetchHealth(settings.workersUrl()), System.out);
        int exit = workers.waitFor();
        return exit == 0 || exit == 143 ? 0 : exit;
    }
}
