package com.aegis.marketsim.exchange;

/** A refusal before it is published: the reason and the offending input in words. */
public record Rejection(RejectReason reason, String detail) {
}
