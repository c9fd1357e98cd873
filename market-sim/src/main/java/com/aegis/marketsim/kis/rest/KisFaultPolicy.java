package com.aegis.marketsim.kis.rest;

import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultPlan;

import java.time.Instant;

/** Decides, per request, which fault (if any) the simulated KIS service injects. */
@FunctionalInterface
public interface KisFaultPolicy {

    /** The service name under which KIS REST requests are looked up in a {@link FaultPlan}. */
    String SERVICE = "kis";

    /**
     * @param operation  the last path segment of the request, e.g. {@code order-cash} or {@code tokenP}
     * @param simTime    the simulator's clock at arrival
     * @param requestSeq the request's arrival number, from 1
     */
    FaultDecision decide(String operation, Instant simTime, long requestSeq);

    static KisFaultPolicy none() {
        return (operation, simTime, seq) -> FaultDecision.CLEAN;
    }

    static KisFaultPolicy of(FaultPlan plan) {
        return (operation, simTime, seq) -> plan.decide(SERVICE, operation, simTime, seq);
    }
}
