/**
 * The simulated KIS Open API real-time WebSocket ({@code ws://…/tryitout}). {@link
 * com.aegis.marketsim.kis.ws.KisWebSocketSimulator} speaks the real wire protocol: JSON subscription messages with an
 * approval key ({@link com.aegis.marketsim.kis.ws.ApprovalKeys}), one session per app key, at most 40 registrations,
 * {@code 0|TR_ID|count|f1^f2^…} data frames for trade ticks (H0STCNT0) and order books (H0STASP0), AES-256-CBC
 * encrypted fill notices (H0STCNI0 / H0STCNI9), PINGPONG keep-alives, and faults on demand. Data comes from a
 * {@link com.aegis.marketsim.kis.ws.RealtimeFeed}: scripted for tests, or the simulated exchange's events through
 * {@link com.aegis.marketsim.kis.ws.ExchangeRealtimeFeed}.
 */
package com.aegis.marketsim.kis.ws;
