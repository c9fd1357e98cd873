package com.aegis.marketsim.fault;

/** A fault rule for one service and operation; {@code "*"} as the operation matches every operation of it. */
public record ServiceFaultRule(String service, String operation, FaultRule rule) {

    public ServiceFaultRule {
        if (service == null || service.isBlank() || operation == null || operation.isBlank() || rule == null) {
            throw new IllegalArgumentException("a service fault rule needs a service, an operation (or \"*\") and a"
                    + " rule; got service '" + service + "', operation '" + operation + "'");
        }
    }

    boolean matches(String s, String o) {
        return service.equals(s) && (operation.equals("*") || operation.equals(o));
    }
}
