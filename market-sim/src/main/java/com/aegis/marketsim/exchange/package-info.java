/**
 * The simulated KRX exchange. {@link com.aegis.marketsim.exchange.ExchangeSimulator} is the door: it lists a day's
 * stocks from {@link com.aegis.marketsim.exchange.DayPlan}s, runs the session timetable, takes the system's orders
 * (idempotent by client key, checked against {@link com.aegis.marketsim.exchange.BrokerAccounts}) and publishes
 * {@link com.aegis.marketsim.exchange.ExchangeEvent}s. Each stock has a
 * {@link com.aegis.marketsim.exchange.MatchingEngine} (price-time priority continuous matching, single-price auctions,
 * price limits, volatility interruptions, halts) over an {@link com.aegis.marketsim.exchange.OrderBook}. The KRX rules
 * themselves (ticks, limits, VI thresholds, sessions, costs) come from {@code com.aegis.core.krx}.
 */
package com.aegis.marketsim.exchange;
