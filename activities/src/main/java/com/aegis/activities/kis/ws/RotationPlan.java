package com.aegis.activities.kis.ws;

import java.util.List;
import java.util.Set;

/**
 * What to hold during one rotation round: the pinned symbols (highest priorities, held every round), the symbols
 * whose turn it is, and the registrations for both. Apply it with {@link KisRealtimeClient#replaceRegistrations}.
 */
public record RotationPlan(long round, List<String> pinnedSymbols, List<String> rotatingSymbols,
                           Set<Registration> registrations) {

    public RotationPlan {
        pinnedSymbols = List.copyOf(pinnedSymbols);
        rotatingSymbols = List.copyOf(rotatingSymbols);
        registrations = Set.copyOf(registrations);
    }
}
