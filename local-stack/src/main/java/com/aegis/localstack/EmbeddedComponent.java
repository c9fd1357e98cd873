package com.aegis.localstack;

/** One server of the local stack. Implementations are started once and stopped once. */
interface EmbeddedComponent {

    /** Display name used in every message, e.g. "PostgreSQL". */
    String name();

    /** host:port clients connect to. */
    String address();

    /** Starts the server and waits until it answers; failures are {@link LocalStackException}s. */
    void start();

    /** Asks the running server a question and reports what it saw; never throws. */
    ComponentStatus status();

    /** Stops the server; safe to call when it never started or is already stopped. */
    void stop();
}
