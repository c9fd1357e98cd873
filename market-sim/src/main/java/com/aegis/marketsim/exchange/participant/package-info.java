/**
 * The simulated crowd: a seeded order flow per stock ({@link com.aegis.marketsim.exchange.participant.ParticipantFlow})
 * that trades through the same matching engines as the system, follows the stock's day plan (open, high, low, close,
 * volume) and is busier at the open and the close.
 */
package com.aegis.marketsim.exchange.participant;
