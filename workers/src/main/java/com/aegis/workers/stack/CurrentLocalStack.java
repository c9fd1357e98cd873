package com.aegis.workers.stack;

import com.aegis.localstack.LocalStack;

import java.util.Optional;

/** The local stack the current application runs on, for health and status reporting. */
public final class CurrentLocalStack {

    private static volatile LocalStack current;

    private CurrentLocalStack() {
    }

    static void set(LocalStack stack) {
        current = stack;
    }

    public static Optional<LocalStack> get() {
        return Optional.ofNullable(current);
    }
}
