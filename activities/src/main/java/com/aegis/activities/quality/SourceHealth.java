package com.aegis.activities.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * M1 figures of one data source over a window: how often it was asked, how often it delivered, and its latest
 * delivery. A primary source counts every fetch of its kind; an alternate counts the fetches that fell back to it.
 */
public record SourceHealth(String source, long attempted, long delivered, Optional<Instant> latestSuccess) {

    /** Delivered / attempted, 1.0 for a source not asked in the window. */
    public double successRate() {
        return attempted == 0 ? 1.0 : (double) delivered / attempted;
    }

    /** How old the source's freshest data is at {@code now}; empty if it never delivered in the window. */
    public Optional<Duration> age(Instant now) {
        return latestSuccess.map(t -> Duration.between(t, now));
    }
}
