package com.aegis.workflows.control;

import java.time.Instant;

/** A decision the control did not start, and why (mode, trading state, duplicate, bad input, start failure). */
public record RefusedDecision(String decisionId, OrderDecision decision, String reason, Instant at) {
}
