package com.aegis.marketsim.kis.ws;

import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultPlan;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Decides, per outgoing data frame, what goes wrong. The simulator applies the decision: PROCEED and STALE send the
 * frame after the decided latency, MALFORMED sends a garbage frame instead, ERROR loses the frame, OUTAGE drops the
 * connection.
 */
@FunctionalInterface
public interface RealtimeFaultHook {

    /** The service name under which {@link #fromPlan} looks up rules; the operation is the TR id. */
    String SERVICE = "kis-ws";

    FaultDecision decide(KisRealtimeTr tr, String trKey, long frameSequence);

    static RealtimeFaultHook none() {
        return (tr, trKey, frameSequence) -> FaultDecision.CLEAN;
    }

    /** Applies a fault plan's rules for service {@value #SERVICE}, operation = TR id, at the simulated time. */
    static RealtimeFaultHook fromPlan(FaultPlan plan, Supplier<Instant> simTime) {
        return (tr, trKey, frameSequence) -> plan.decide(SERVICE, tr.trId(), simTime.get(), frameSequence);
    }
}
