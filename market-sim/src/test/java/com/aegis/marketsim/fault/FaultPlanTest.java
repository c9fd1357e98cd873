package com.aegis.marketsim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final Instant T = Instant.parse("2026-11-24T01:00:00Z");

    private static final String PLAN = """
            {"seed": 7,
             "defaults": {"latency": {"kind": "LOG_NORMAL", "medianMillis": 20, "p99Millis": 200, "maxMillis": 1000},
                          "errorRate": 0.02},
             "rules": [{"service": "kis", "operation": "order-cash", "fault": {"errorRate": 0.25}},
                       {"service": "kis", "operation": "*", "fault": {"malformedRate": 0.1, "staleRate": 0.1,
                                                                       "staleByMillis": 30000}}],
             "outages": [{"service": "dart", "from": "2026-11-24T00:30:00Z", "to": "2026-11-24T01:30:00Z"}]}
            """;

    @Test
    void the_same_request_always_gets_the_same_verdict() {
        FaultPlan plan = FaultPlan.fromJson(PLAN);
        for (long seq = 0; seq < 200; seq++) {
            assertThat(plan.decide("kis", "quote", T, seq)).isEqualTo(FaultPlan.fromJson(PLAN).decide("kis", "quote",
                    T, seq));
        }
        List<FaultDecision> forward = new ArrayList<>();
        for (long seq = 0; seq < 50; seq++) {
            forward.add(plan.decide("yahoo", "chart", T, seq));
        }
        List<FaultDecision> backward = new ArrayList<>();
        for (long seq = 49; seq >= 0; seq--) {
            backward.add(plan.decide("yahoo", "chart", T, seq));
        }
        Collections.reverse(backward);
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void error_rates_follow_the_most_specific_rule() {
        FaultPlan plan = FaultPlan.fromJson(PLAN);
        assertThat(share(plan, "kis", "order-cash", FaultOutcome.ERROR)).isBetween(0.22, 0.28);
        assertThat(share(plan, "krx", "daily", FaultOutcome.ERROR)).isBetween(0.01, 0.03);
        assertThat(share(plan, "kis", "quote", FaultOutcome.MALFORMED)).isBetween(0.08, 0.12);
        assertThat(share(plan, "kis", "quote", FaultOutcome.STALE)).isBetween(0.07, 0.11);
        FaultDecision stale = decisions(plan, "kis", "quote").stream()
                .filter(d -> d.outcome() == FaultOutcome.STALE).findFirst().orElseThrow();
        assertThat(stale.staleBy()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void latency_is_log_normal_around_the_median_and_capped() {
        FaultPlan plan = FaultPlan.fromJson(PLAN);
        List<Long> micros = decisions(plan, "krx", "daily").stream()
                .map(d -> d.latency().toNanos() / 1000).sorted().toList();
        long median = micros.get(micros.size() / 2);
        long p99 = micros.get((int) (micros.size() * 0.99));
        assertThat(median).isBetween(17_000L, 23_000L);
        assertThat(p99).isBetween(150_000L, 260_000L);
        assertThat(micros.get(micros.size() - 1)).isLessThanOrEqualTo(1_000_000L);
    }

    @Test
    void an_outage_window_refuses_every_call_inside_it_only() {
        FaultPlan plan = FaultPlan.fromJson(PLAN);
        assertThat(plan.decide("dart", "list", T, 1).outcome()).isEqualTo(FaultOutcome.OUTAGE);
        assertThat(plan.decide("dart", "list", Instant.parse("2026-11-24T01:30:00Z"), 1).outcome())
                .isNotEqualTo(FaultOutcome.OUTAGE);
        assertThat(plan.decide("kis", "quote", T, 1).outcome()).isNotEqualTo(FaultOutcome.OUTAGE);
    }

    @Test
    void no_plan_means_no_faults() {
        assertThat(FaultPlan.none().decide("kis", "order-cash", T, 9)).isEqualTo(FaultDecision.CLEAN);
    }

    @Test
    void a_bad_plan_says_which_field_is_wrong() {
        assertThatThrownBy(() -> FaultPlan.fromJson("{\"seed\": 1, \"defaults\": {\"errorRate\": 1.5}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaults")
                .hasMessageContaining("errorRate");
        assertThatThrownBy(() -> FaultPlan.fromJson("{\"seed\": 1, \"outages\": [{\"from\": \"yesterday\","
                + " \"to\": \"2026-11-24T01:30:00Z\"}]}")).hasMessageContaining("outages[0].from");
        assertThatThrownBy(() -> FaultPlan.fromJson("{}")).hasMessageContaining("seed");
        assertThatThrownBy(() -> FaultPlan.fromJson("not json")).hasMessageContaining("not valid JSON");
    }

    private static List<FaultDecision> decisions(FaultPlan plan, String service, String operation) {
        List<FaultDecision> out = new ArrayList<>();
        for (long seq = 0; seq < 20_000; seq++) {
            out.add(plan.decide(service, operation, T, seq));
        }
        return out;
    }

    private static double share(FaultPlan plan, String service, String operation, FaultOutcome outcome) {
        Map<FaultOutcome, Integer> counts = new EnumMap<>(FaultOutcome.class);
        List<FaultDecision> all = decisions(plan, service, operation);
        all.forEach(d -> counts.merge(d.outcome(), 1, Integer::sum));
        return counts.getOrDefault(outcome, 0) / (double) all.size();
    }
}
