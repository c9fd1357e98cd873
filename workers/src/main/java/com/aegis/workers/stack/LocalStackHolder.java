package com.aegis.workers.stack;

import com.aegis.localstack.LocalStack;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The local stack this process started. It exists before the Spring context does, so it is held here. It must stop
 * after every bean that uses it, so the JVM shutdown hook first closes the owning context (waiting for a close already
 * under way) and only then stops the stack.
 */
final class LocalStackHolder {

    private static final AtomicReference<LocalStack> RUNNING = new AtomicReference<>();
    private static volatile ConfigurableApplicationContext owner;

    private LocalStackHolder() {
    }

    static synchronized LocalStack startOnce(Supplier<LocalStack> starter) {
        LocalStack existing = RUNNING.get();
        if (existing != null) {
            return existing;
        }
        LocalStack stack = starter.get();
        RUNNING.set(stack);
        // One hook, in order: the application first, then the stack under it.
        stack.handOverShutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(LocalStackHolder::closeOwnerThenStop, "aegis-local-stack-stop"));
        return stack;
    }

    static Optional<LocalStack> running() {
        return Optional.ofNullable(RUNNING.get());
    }

    static void ownedBy(ConfigurableApplicationContext context) {
        owner = context;
    }

    /** Stops the stack once; later calls do nothing. */
    static void stop() {
        LocalStack stack = RUNNING.getAndSet(null);
        if (stack != null) {
            stack.close();
        }
    }

    private static void closeOwnerThenStop() {
        ConfigurableApplicationContext context = owner;
        if (context != null) {
            context.close();
        }
        stop();
    }
}
