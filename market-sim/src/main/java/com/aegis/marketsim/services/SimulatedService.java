package com.aegis.marketsim.services;

/**
 * One running simulated provider: its name (also its fault-plan service name), the base URL an adapter is pointed at,
 * the real provider it stands for, and the fault mode it is in.
 */
public record SimulatedService(String name, String baseUrl, String standsFor, FaultMode faultMode, String faultDetail,
                               long requestsServed) {
}
