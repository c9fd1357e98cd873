package com.aegis.workers.fills;

import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts one part of the fill path with the application and closes it on shutdown. Each start builds the part anew
 * (a closed bridge or router cannot be restarted). A part that cannot be built is logged and left stopped, so the
 * workers still start.
 */
public final class FillPathLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FillPathLifecycle.class);

    private final String name;
    private final Supplier<? extends AutoCloseable> starter;
    private AutoCloseable running;

    /** @param starter builds and starts the part; returns null when it must not run (and says why in the log) */
    public FillPathLifecycle(String name, Supplier<? extends AutoCloseable> starter) {
        this.name = Objects.requireNonNull(name, "name");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            running = starter.get();
        } catch (RuntimeException e) {
            log.error("{} not started: {}", name, e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        AutoCloseable part = running;
        running = null;
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", name, e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    /** The running part, if any. */
    public synchronized AutoCloseable part() {
        return running;
    }

    public String name() {
        return name;
    }
}
