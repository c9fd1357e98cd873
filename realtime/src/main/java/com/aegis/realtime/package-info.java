/**
 * The intraday path outside Temporal: the KIS WebSocket bridge publishes ticks and quotes to Kafka
 * ({@code krx.ticks.v1}, {@code krx.quotes.v1}, keyed by symbol), the tick engine keeps per-symbol state on one thread
 * per partition, requests AI re-scores ({@code ai.score-requests.v1}) and turns decisions into order workflows started
 * with deterministic IDs. Depends on {@code workflows} (to start workflows) and kafka-clients only.
 */
package com.aegis.realtime;
