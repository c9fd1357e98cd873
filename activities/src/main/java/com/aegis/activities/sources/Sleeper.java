package com.aegis.activities.sources;

import java.time.Duration;

/** Waits between retries; tests pass one that does not block. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
