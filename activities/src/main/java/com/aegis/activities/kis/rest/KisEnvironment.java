package com.aegis.activities.kis.rest;

import java.net.URI;
import java.util.Objects;

/**
 * Which KIS service to call: the live domain or the paper-trading (모의투자) domain, at their real base URLs or at
 * an overriding one (the simulator). Paper trading uses the same TRs with a leading {@code T}, {@code J} or {@code C}
 * of the TR ID replaced by {@code V}.
 */
public record KisEnvironment(Domain domain, URI baseUri) {

    public static final URI LIVE_BASE_URI = URI.create("https://openapi.koreainvestment.com:9443");
    public static final URI PAPER_BASE_URI = URI.create("https://openapivts.koreainvestment.com:29443");

    public enum Domain { LIVE, PAPER }

    public KisEnvironment {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(baseUri, "baseUri");
        String text = baseUri.toString();
        if (text.endsWith("/")) {
            baseUri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public static KisEnvironment live() {
        return new KisEnvironment(Domain.LIVE, LIVE_BASE_URI);
    }

    public static KisEnvironment paper() {
        return new KisEnvironment(Domain.PAPER, PAPER_BASE_URI);
    }

    /** The same domain's TR IDs at another base URL (e.g. the simulator on localhost). */
    public KisEnvironment withBaseUri(URI uri) {
        return new KisEnvironment(domain, uri);
    }

    public boolean isPaper() {
        return domain == Domain.PAPER;
    }

    /** The TR ID to send for a TR documented under its live ID. */
    public String trId(String liveTrId) {
        if (domain == Domain.LIVE || liveTrId.isEmpty()) {
            return liveTrId;
        }
        char first = liveTrId.charAt(0);
        return first == 'T' || first == 'J' || first == 'C' ? "V" + liveTrId.substring(1) : liveTrId;
    }

    /** KIS's documented REST limit per account: about 18-20 calls/s live, 1-2/s on the paper domain. */
    public int defaultCallsPerSecond() {
        return domain == Domain.LIVE ? 18 : 2;
    }

    public URI resolve(String path) {
        return URI.create(baseUri + path);
    }
}
