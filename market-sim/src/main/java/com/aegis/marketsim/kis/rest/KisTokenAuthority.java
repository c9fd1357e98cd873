package com.aegis.marketsim.kis.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Access tokens and WebSocket approval keys as KIS hands them out. A token request within the reuse window (6 h) of
 * the last issue returns that token again; later requests get a new token while older ones stay valid until they
 * expire; any token request sooner than the issue interval (1 min) after the previous one is refused (EGW00133).
 */
public final class KisTokenAuthority {

    /** The outcome of a token request. */
    public sealed interface TokenGrant permits Granted, Throttled {
    }

    public record Granted(String accessToken, Instant expiresAt) implements TokenGrant {
    }

    public record Throttled(Duration retryAfter) implements TokenGrant {
    }

    /** What a presented bearer token is. */
    public enum TokenStatus { VALID, EXPIRED, UNKNOWN }

    private record IssuedToken(String appKey, Instant issuedAt, Instant expiresAt) {
    }

    private final Clock clock;
    private final KisSimulatorSettings settings;
    private final SplittableRandom random;
    private final Map<String, IssuedToken> tokens = new HashMap<>();
    private final Map<String, String> latestTokenByApp = new HashMap<>();
    private final Map<String, Instant> lastRequestByApp = new HashMap<>();
    private final Map<String, String> approvalKeys = new HashMap<>();
    private long issued;

    public KisTokenAuthority(Clock clock, KisSimulatorSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    public synchronized TokenGrant requestToken(String appKey) {
        Instant now = clock.instant();
        Instant last = lastRequestByApp.get(appKey);
        if (last != null && now.isBefore(last.plus(settings.tokenIssueInterval()))) {
            return new Throttled(Duration.between(now, last.plus(settings.tokenIssueInterval())));
        }
        lastRequestByApp.put(appKey, now);
        String latest = latestTokenByApp.get(appKey);
        if (latest != null) {
            IssuedToken token = tokens.get(latest);
            if (token != null && now.isBefore(token.issuedAt().plus(settings.tokenReuseWindow()))
                    && now.isBefore(token.expiresAt())) {
                return new Granted(latest, token.expiresAt());
            }
        }
        String value = "sim." + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong())
                + "." + (++issued);
        IssuedToken token = new IssuedToken(appKey, now, now.plus(settings.tokenLifetime()));
        tokens.put(value, token);
        latestTokenByApp.put(appKey, value);
        return new Granted(value, token.expiresAt());
    }

    /** Whether {@code token} was issued to {@code appKey} and is still within its lifetime. */
    public synchronized TokenStatus check(String appKey, String token) {
        IssuedToken issuedToken = tokens.get(token);
        if (issuedToken == null || !issuedToken.appKey().equals(appKey)) {
            return TokenStatus.UNKNOWN;
        }
        return clock.instant().isBefore(issuedToken.expiresAt()) ? TokenStatus.VALID : TokenStatus.EXPIRED;
    }

    /** Revokes a token; answers whether it was a live token of that app. */
    public synchronized boolean revoke(String appKey, String token) {
        IssuedToken issuedToken = tokens.get(token);
        if (issuedToken == null || !issuedToken.appKey().equals(appKey)) {
            return false;
        }
        tokens.remove(token);
        latestTokenByApp.remove(appKey, token);
        return true;
    }

    /** A fresh WebSocket approval key for the app (each request gets a new one). */
    public synchronized String issueApprovalKey(String appKey) {
        String key = String.format("%08x-%04x-%04x-%04x-%012x", random.nextInt(), random.nextInt(0x10000),
                random.nextInt(0x10000), random.nextInt(0x10000), random.nextLong() & 0xFFFF_FFFF_FFFFL);
        approvalKeys.put(key, appKey);
        return key;
    }

    /** The app an approval key was issued to, for the simulated WebSocket service. */
    public synchronized Optional<String> approvalKeyOwner(String approvalKey) {
        return Optional.ofNullable(approvalKeys.get(approvalKey));
    }
}
