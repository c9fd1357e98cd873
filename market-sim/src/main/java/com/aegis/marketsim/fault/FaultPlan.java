package com.aegis.marketsim.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fault-injection plan as data, and its pure decision function. Given the same plan, every
 * {@code decide(service, operation, simTime, requestSeq)} answers the same, whatever was asked before, so a simulated
 * service can apply it statelessly and a run replays exactly.
 *
 * <p>JSON form ({@link #fromJson}), every field but {@code seed} optional:
 * <pre>{@code
 * {"seed": 7,
 *  "defaults": {"latency": {"kind": "LOG_NORMAL", "medianMillis": 20, "p99Millis": 250, "maxMillis": 2000},
 *               "errorRate": 0.01, "malformedRate": 0.001, "staleRate": 0.0, "staleByMillis": 0},
 *  "rules":   [{"service": "kis", "operation": "order-cash", "fault": {"errorRate": 0.05}}],
 *  "outages": [{"service": "dart", "operation": "*", "from": "2026-03-03T00:10:00Z", "to": "2026-03-03T00:40:00Z"}]}
 * }</pre>
 */
public record FaultPlan(long seed, FaultRule defaults, List<ServiceFaultRule> rules, List<OutageWindow> outages) {

    public FaultPlan {
        Objects.requireNonNull(defaults, "defaults");
        rules = List.copyOf(rules);
        outages = List.copyOf(outages);
    }

    /** No faults at all: every request proceeds at once. */
    public static FaultPlan none() {
        return new FaultPlan(0L, FaultRule.NONE, List.of(), List.of());
    }

    /**
     * The verdict for request number {@code requestSeq} of {@code service}/{@code operation} at simulated time
     * {@code simTime}. Outages win; otherwise the most specific rule (service and operation, then service with
     * {@code "*"}, then the defaults) decides, error before malformed before stale.
     */
    public FaultDecision decide(String service, String operation, Instant simTime, long requestSeq) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(simTime, "simTime");
        for (OutageWindow outage : outages) {
            if (outage.covers(service, operation, simTime)) {
                return new FaultDecision(FaultOutcome.OUTAGE, Duration.ZERO, Duration.ZERO);
            }
        }
        FaultRule rule = ruleFor(service, operation);
        SplittableRandom rng = new SplittableRandom(mix(seed, service.hashCode(), operation.hashCode(), requestSeq));
        Duration latency = rule.latency().sample(rng);
        if (rng.nextDouble() < rule.errorRate()) {
            return new FaultDecision(FaultOutcome.ERROR, latency, Duration.ZERO);
        }
        if (rng.nextDouble() < rule.malformedRate()) {
            return new FaultDecision(FaultOutcome.MALFORMED, latency, Duration.ZERO);
        }
        if (rng.nextDouble() < rule.staleRate()) {
            return new FaultDecision(FaultOutcome.STALE, latency, rule.staleBy());
        }
        return new FaultDecision(FaultOutcome.PROCEED, latency, Duration.ZERO);
    }

    /** The rule that applies to a call, most specific first. */
    public FaultRule ruleFor(String service, String operation) {
        FaultRule serviceWide = null;
        for (ServiceFaultRule r : rules) {
            if (r.matches(service, operation)) {
                if (!r.operation().equals("*")) {
                    return r.rule();
                }
                if (serviceWide == null) {
                    serviceWide = r.rule();
                }
            }
        }
        return serviceWide != null ? serviceWide : defaults;
    }

    private static long mix(long seed, int service, int operation, long sequence) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        h = (h ^ service) * 0xBF58476D1CE4E5B9L;
        h = (h ^ operation) * 0x94D049BB133111EBL;
        h = (h ^ sequence) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    // ------------------------------------------------------------------ loading

    public static FaultPlan load(Path file) {
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fault plan " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault plan " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON form; a missing or mistyped field fails with its path in the message. */
    public static FaultPlan fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("fault plan is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("fault plan must be a JSON object");
        }
        if (!root.path("seed").isIntegralNumber()) {
            throw new IllegalArgumentException("fault plan needs an integer 'seed'");
        }
        FaultRule defaults = root.has("defaults") ? rule(root.get("defaults"), FaultRule.NONE, "defaults")
                : FaultRule.NONE;
        List<ServiceFaultRule> rules = new ArrayList<>();
        JsonNode ruleNodes = root.path("rules");
        for (int i = 0; i < ruleNodes.size(); i++) {
            JsonNode n = ruleNodes.get(i);
            String where = "rules[" + i + "]";
            rules.add(new ServiceFaultRule(text(n, "service", where), n.path("operation").asText("*"),
                    rule(n.path("fault"), defaults, where + ".fault")));
        }
        List<OutageWindow> outages = new ArrayList<>();
        JsonNode outageNodes = root.path("outages");
        for (int i = 0; i < outageNodes.size(); i++) {
            JsonNode n = outageNodes.get(i);
            String where = "outages[" + i + "]";
            outages.add(new OutageWindow(n.path("service").asText("*"), n.path("operation").asText("*"),
                    instant(n, "from", where), instant(n, "to", where)));
        }
        return new FaultPlan(root.get("seed").asLong(), defaults, rules, outages);
    }

    private static FaultRule rule(JsonNode n, FaultRule base, String where) {
        if (n.isMissingNode() || n.isNull()) {
            return base;
        }
        try {
            LatencyDistribution latency = base.latency();
            if (n.has("latency")) {
                JsonNode l = n.get("latency");
                LatencyDistribution.Kind kind = LatencyDistribution.Kind.valueOf(text(l, "kind", where + ".latency"));
                long median = l.path("medianMillis").asLong(0);
                latency = new LatencyDistribution(kind, l.path("minMillis").asLong(kind == LatencyDistribution.Kind.FIXED
                        ? median : 0), median, l.path("p99Millis").asLong(median),
                        l.path("maxMillis").asLong(Math.max(median, l.path("p99Millis").asLong(median)) * 10));
            }
            return new FaultRule(latency, n.path("errorRate").asDouble(base.errorRate()),
                    n.path("malformedRate").asDouble(base.malformedRate()),
                    n.path("staleRate").asDouble(base.staleRate()),
                    n.has("staleByMillis") ? Duration.ofMillis(n.get("staleByMillis").asLong()) : base.staleBy());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field, String where) {
        String value = text(n, field, where);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + " must be an ISO-8601 UTC instant such as"
                    + " 2026-03-03T00:10:00Z, got '" + value + "'", e);
        }
    }
}
