package com.aegis.activities.sources;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts OpenDART requests per key per KST day and refuses locally once the daily quota is reached, so the key is
 * never pushed into the provider's 020. A 020 from the provider marks the day as spent.
 */
public final class DartDailyQuota {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final int requestsPerDay;
    private final Clock clock;
    private final Map<String, Integer> used = new HashMap<>();
    private LocalDate day;

    public DartDailyQuota(int requestsPerDay, Clock clock) {
        if (requestsPerDay < 1) {
            throw new IllegalArgumentException("requestsPerDay must be positive, got " + requestsPerDay);
        }
        this.requestsPerDay = requestsPerDay;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes one request from today's quota of the key, or refuses with a local quota error. */
    public synchronized void acquire(DartApiKey key) {
        rollOver();
        int n = used.getOrDefault(key.fingerprint(), 0);
        if (n >= requestsPerDay) {
            throw new SourceQuotaExceededException(OpenDartClient.SOURCE, "OpenDART daily quota of " + requestsPerDay
                    + " requests for key " + key.fingerprint() + " is spent for " + day
                    + " (KST); not calling until it resets on " + day.plusDays(1), true, day.plusDays(1));
        }
        used.put(key.fingerprint(), n + 1);
    }

    /** The provider answered 020: nothing more today. */
    public synchronized void markSpent(DartApiKey key) {
        rollOver();
        used.put(key.fingerprint(), requestsPerDay);
    }

    public synchronized int used(DartApiKey key) {
        rollOver();
        return used.getOrDefault(key.fingerprint(), 0);
    }

    public synchronized int remaining(DartApiKey key) {
        return requestsPerDay - used(key);
    }

    /** The KST day the counts belong to. */
    public synchronized LocalDate today() {
        rollOver();
        return day;
    }

    private void rollOver() {
        LocalDate today = clock.instant().atZone(KST).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            used.clear();
        }
    }
}
