/**
 * The KIS Open API real-time WebSocket adapter. {@link com.aegis.activities.kis.ws.KisRealtimeClient} connects to
 * {@code ws://ops.koreainvestment.com:21000/tryitout} (paper: port 31000) or the simulator, registers trade ticks
 * (H0STCNT0), order books (H0STASP0) and fill notices (H0STCNI0/H0STCNI9), decodes frames into typed records
 * ({@link com.aegis.activities.kis.ws.KisTradeTick}, {@link com.aegis.activities.kis.ws.KisOrderBook},
 * {@link com.aegis.activities.kis.ws.KisFillNotice}), decrypts AES-256-CBC payloads, answers PINGPONG, reconnects
 * with backoff and re-registers, and never holds more than 40 registrations;
 * {@link com.aegis.activities.kis.ws.WatchlistRotation} decides which symbols hold them.
 */
package com.aegis.activities.kis.ws;
