/**
 * Simulated time: {@link com.aegis.marketsim.clock.SimulationClock} is the only clock the simulator reads (real-time,
 * accelerated or stepped by a test) and the scheduler of timed callbacks in simulated time
 * ({@link com.aegis.marketsim.clock.Scheduler}), so a stepped run is fully deterministic.
 */
package com.aegis.marketsim.clock;
