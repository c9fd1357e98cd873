package com.aegis.activities.sources;

import java.time.Duration;

/** A provider answer with what it took to get it: HTTP attempts (1 + retries) and elapsed time including backoff. */
public record Fetched<T>(T value, int attempts, Duration elapsed) {
}
