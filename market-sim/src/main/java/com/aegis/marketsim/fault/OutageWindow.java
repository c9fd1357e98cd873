package com.aegis.marketsim.fault;

import java.time.Instant;

/**
 * A service (or one of its operations) is down over [{@code from}, {@code to}) of simulated time; {@code "*"} matches
 * every service or operation.
 */
public record OutageWindow(String service, String operation, Instant from, Instant to) {

    public OutageWindow {
        if (service == null || operation == null || from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("an outage needs a service, an operation (\"*\" for all) and"
                    + " from < to; got " + service + "/" + operation + " " + from + ".." + to);
        }
    }

    boolean covers(String s, String o, Instant t) {
        return (service.equals("*") || service.equals(s)) && (operation.equals("*") || operation.equals(o))
                && !t.isBefore(from) && t.isBefore(to);
    }
}
