/**
 * Fault injection for the simulated services, as data: a {@link com.aegis.marketsim.fault.FaultPlan} (latency
 * distributions, error/malformed/stale rates per service and operation, outage windows in simulated time) loaded from
 * JSON, with a pure, seeded {@code decide(service, operation, simTime, requestSeq)}.
 */
package com.aegis.marketsim.fault;
