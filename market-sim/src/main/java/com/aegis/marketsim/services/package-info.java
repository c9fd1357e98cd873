/**
 * The simulated outside world assembled and running: {@link com.aegis.marketsim.services.SimulatedProviders} generates
 * the market, trades its last session on the exchange simulator and serves KIS (REST and WebSocket), KRX data, OpenDART
 * and Yahoo on localhost, each switchable to a failure mode ({@link com.aegis.marketsim.services.FaultMode}).
 */
package com.aegis.marketsim.services;
