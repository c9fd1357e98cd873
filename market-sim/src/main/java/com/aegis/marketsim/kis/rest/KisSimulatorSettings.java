package com.aegis.marketsim.kis.rest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated KIS REST service behaves.
 *
 * @param domain               live or paper-trading (TR IDs, page sizes, default rate limit)
 * @param port                 TCP port on localhost; 0 picks a free one
 * @param requestsPerSecond    API calls admitted per app key in any one-second window (EGW00201 beyond)
 * @param tokenLifetime        how long an access token is valid (KIS: 24 h)
 * @param tokenReuseWindow     a token request within this time of the last issue returns that same token (KIS: 6 h)
 * @param tokenIssueInterval   at most one token request per app key per interval (KIS: 1 min, EGW00133 beyond)
 * @param apps                 the registered apps and their accounts
 * @param seed                 seeds token and approval-key values, so a run replays exactly
 */
public record KisSimulatorSettings(KisDomain domain, int port, int requestsPerSecond, Duration tokenLifetime,
                                   Duration tokenReuseWindow, Duration tokenIssueInterval,
                                   List<KisAppRegistration> apps, long seed) {

    public KisSimulatorSettings {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(tokenReuseWindow, "tokenReuseWindow");
        Objects.requireNonNull(tokenIssueInterval, "tokenIssueInterval");
        apps = List.copyOf(apps);
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, got " + requestsPerSecond);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** KIS's documented behaviour: 20 calls/s live, 2 calls/s paper; tokens for 24 h, reused for 6 h, 1 issue/min. */
    public static KisSimulatorSettings defaults(KisDomain domain, List<KisAppRegistration> apps) {
        return new KisSimulatorSettings(domain, 0, domain == KisDomain.LIVE ? 20 : 2, Duration.ofHours(24),
                Duration.ofHours(6), Duration.ofMinutes(1), apps, 1L);
    }

    public KisSimulatorSettings withRequestsPerSecond(int perSecond) {
        return new KisSimulatorSettings(domain, port, perSecond, tokenLifetime, tokenReuseWindow, tokenIssueInterval,
                apps, seed);
    }

    public KisSimulatorSettings withPort(int newPort) {
        return new KisSimulatorSettings(domain, newPort, requestsPerSecond, tokenLifetime, tokenReuseWindow,
                tokenIssueInterval, apps, seed);
    }

    /** Rows per page of the daily order inquiry: 100 live, 15 paper. */
    public int dailyOrdersPageSize() {
        return domain == KisDomain.LIVE ? 100 : 15;
    }

    /** Rows per page of the balance inquiry: 50 live, 20 paper. */
    public int balancePageSize() {
        return domain == KisDomain.LIVE ? 50 : 20;
    }
}
